import { randomBytes } from 'node:crypto';

/**
 * The push-time inputs of module import (compat spec §2.3 `udfConfig`): `Math.random` and
 * `Date.now()` while modules are imported use these, so every context imports a module to
 * the same state.
 *
 * @example
 * ```ts
 * const config: UdfConfig = { serverVersion: '1.48.0', importPhaseRngSeed: 'AAEC…', importPhaseUnixTimestampMs: 1700000000000 };
 * ```
 */
export interface UdfConfig {
  readonly serverVersion: string;
  /** Base64 of 32 random bytes. */
  readonly importPhaseRngSeed: string;
  readonly importPhaseUnixTimestampMs: number;
}

/**
 * A fresh `udfConfig` for a push: a new seed and the current time.
 *
 * @example
 * ```ts
 * const config = newUdfConfig('1.48.0');
 * ```
 */
export function newUdfConfig(serverVersion: string): UdfConfig {
  return Object.freeze({ serverVersion, importPhaseRngSeed: randomBytes(32).toString('base64'), importPhaseUnixTimestampMs: Date.now() });
}

/**
 * The four 32-bit words of the import-phase seed the in-isolate generator takes.
 *
 * @example
 * ```ts
 * importSeedWords(config); // [1234, 5678, 9012, 3456]
 * ```
 */
export function importSeedWords(config: UdfConfig): number[] {
  const bytes = Buffer.from(config.importPhaseRngSeed, 'base64');
  const words: number[] = [];
  for (let i = 0; i < 4; i++) words.push(bytes.length >= (i + 1) * 4 ? bytes.readUInt32LE(i * 4) : i + 1);
  return words;
}
