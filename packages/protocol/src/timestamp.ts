import { ProtocolError } from './protocol-error.ts';

declare const timestampBrand: unique symbol;

/**
 * A database/commit timestamp: u64 nanoseconds since the Unix epoch, at most i64 max (spec §1.9).
 * Made only by {@link makeTimestamp}, {@link parseTimestamp} or `decodeTimestamp`.
 *
 * @example
 * ```ts
 * const ts: Timestamp = makeTimestamp(1_724_300_000_000_000_000n);
 * ```
 */
export type Timestamp = bigint & { readonly [timestampBrand]: true };

/**
 * The largest timestamp: i64 max, like the reference backend (SQL and serialization stop there).
 *
 * @example
 * ```ts
 * makeTimestamp(MAX_TIMESTAMP + 1n); // throws InvalidTimestamp
 * ```
 */
export const MAX_TIMESTAMP = 0x7fff_ffff_ffff_ffffn as Timestamp;

/**
 * The smallest timestamp, 0: every sync connection starts at this `StateVersion.ts`.
 *
 * @example
 * ```ts
 * encodeTimestamp(MIN_TIMESTAMP); // 'AAAAAAAAAAA='
 * ```
 */
export const MIN_TIMESTAMP = 0n as Timestamp;

/**
 * Brands a count of nanoseconds as a {@link Timestamp}, checking 0 ≤ `ns` ≤ i64 max.
 *
 * @example
 * ```ts
 * makeTimestamp(BigInt(Date.now()) * 1_000_000n);
 * makeTimestamp(-1n); // throws ProtocolError InvalidTimestamp
 * ```
 */
export function makeTimestamp(ns: bigint): Timestamp {
  if (ns < 0n) throw new ProtocolError('InvalidTimestamp', `timestamp ${ns} is negative`);
  if (ns > MAX_TIMESTAMP) {
    throw new ProtocolError(
      'InvalidTimestamp',
      `timestamp ${ns} is larger than the maximum ${MAX_TIMESTAMP} (i64 max)`,
    );
  }
  return ns as Timestamp;
}

/**
 * Reads a {@link Timestamp} from a bigint, a safe non-negative integer number, or a string of
 * decimal digits (as in `GET /api/export/zip/{ts}`). For the base64 wire form use
 * `decodeTimestamp`.
 *
 * @example
 * ```ts
 * parseTimestamp('1724300000004000000'); // 1724300000004000000n
 * parseTimestamp(12); // 12n
 * parseTimestamp('12abc'); // throws ProtocolError InvalidTimestamp
 * ```
 */
export function parseTimestamp(value: unknown): Timestamp {
  if (typeof value === 'bigint') return makeTimestamp(value);
  if (typeof value === 'number' && Number.isSafeInteger(value)) return makeTimestamp(BigInt(value));
  if (typeof value === 'string' && /^[0-9]{1,20}$/.test(value)) return makeTimestamp(BigInt(value));
  throw new ProtocolError(
    'InvalidTimestamp',
    `expected a timestamp (non-negative integer nanoseconds), received ${describe(value)}`,
  );
}

function describe(value: unknown): string {
  if (typeof value === 'string')
    return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  if (typeof value === 'number') return String(value);
  return value === null ? 'null' : typeof value;
}
