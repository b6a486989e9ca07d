/**
 * Where a pushed module runs: the isolate runtime or a Node.js process (`"use node"`).
 *
 * @example
 * ```ts
 * const environment: ModuleEnvironment = 'isolate';
 * ```
 */
export type ModuleEnvironment = 'isolate' | 'node';

/**
 * One pushed module, as the CLI sends it in `start_push` (compat spec §2.3).
 *
 * @example
 * ```ts
 * const module: ModuleConfig = { path: 'messages.js', source: 'export const a = 1;', environment: 'isolate' };
 * ```
 */
export interface ModuleConfig {
  /** POSIX path relative to the functions directory, with `.js` (`messages.js`, `_deps/ABC.js`). */
  readonly path: string;
  /** ESM JavaScript produced by esbuild. */
  readonly source: string;
  /** The source map as JSON text. */
  readonly sourceMap?: string | undefined;
  readonly environment: ModuleEnvironment;
}
