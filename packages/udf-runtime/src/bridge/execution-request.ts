import type { UdfType } from './udf-type.ts';

/**
 * What the host tells a fresh context when it is set up, before any module is evaluated.
 *
 * @example
 * ```ts
 * const config: ContextConfig = {
 *   importSeed: [1, 2, 3, 4],
 *   importNowMs: 1_700_000_000_000,
 *   env: { CONVEX_CLOUD_URL: 'http://127.0.0.1:3210' },
 * };
 * ```
 */
export interface ContextConfig {
  /** Seed of `Math.random` while modules are imported (the push-time `udfConfig` seed). */
  readonly importSeed: readonly number[];
  /** `Date.now()` while modules are imported (the push-time `udfConfig` timestamp). */
  readonly importNowMs: number;
  /** `process.env`: the deployment's environment variables. */
  readonly env: Readonly<Record<string, string>>;
}

/**
 * One function execution, sent to the driver's `start`.
 *
 * @example
 * ```ts
 * const request: ExecutionRequest = {
 *   udfType: 'query',
 *   modulePath: 'messages.js',
 *   exportName: 'list',
 *   args: '[{}]',
 *   requestId: 'r1',
 *   seed: [1, 2, 3, 4],
 *   nowMs: Date.now(),
 * };
 * ```
 */
export interface ExecutionRequest {
  readonly udfType: UdfType;
  /** Module path with `.js`, for error messages (`messages.js`). */
  readonly modulePath: string;
  /** Export to run (`default` for a bare module path); for HTTP actions the router export. */
  readonly exportName: string;
  /**
   * Queries, mutations and actions: JSON text of the positional-args array (`[{…}]`).
   * HTTP actions: JSON text of the request (see `HttpRequestJson`).
   */
  readonly args: string;
  /** Opaque request id, forwarded to `invokeAction` and `ctx.meta`. */
  readonly requestId: string;
  /** HTTP actions: the path the router matches (`/hook`). */
  readonly routedPath?: string;
  /** Seed of the per-execution random stream (queries and mutations). */
  readonly seed: readonly number[];
  /** Execution start time: `Date.now()` for queries and mutations. */
  readonly nowMs: number;
}
