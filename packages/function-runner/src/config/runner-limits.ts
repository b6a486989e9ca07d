import { DEFAULT_LOG_LIMITS, type LogLimits } from '../logs/log-collector.ts';

/**
 * The limits the runner enforces; all configurable (semantics §9.1 gives the defaults).
 *
 * @example
 * ```ts
 * const limits: RunnerLimits = { ...DEFAULT_RUNNER_LIMITS, queryTimeoutMs: 2000 };
 * ```
 */
export interface RunnerLimits {
  /** Heap limit of each isolate, in MiB. */
  readonly memoryLimitMb: number;
  /** User (isolate) time of a query. */
  readonly queryTimeoutMs: number;
  /** User (isolate) time of a mutation. */
  readonly mutationTimeoutMs: number;
  /** Wall time of an action or HTTP action. */
  readonly actionTimeoutMs: number;
  /** Time to import and analyze one module at push time. */
  readonly analyzeTimeoutMs: number;
  /** Time to set a fresh context up (runtime script) and to import a module ahead of a request. */
  readonly setupTimeoutMs: number;
  /** Depth of nested `runQuery`/`runMutation` calls. */
  readonly maxCallDepth: number;
  readonly logs: LogLimits;
}

/**
 * Reference limits: 64 MiB heaps, 1 s of user time for queries and mutations, 10 minutes
 * for actions, 4 s per module at push time, nesting depth 8, 256 log lines of ≤ 32,768
 * characters.
 *
 * @example
 * ```ts
 * new FunctionRunner({ limits: DEFAULT_RUNNER_LIMITS });
 * ```
 */
export const DEFAULT_RUNNER_LIMITS: RunnerLimits = Object.freeze({
  memoryLimitMb: 64,
  queryTimeoutMs: 1_000,
  mutationTimeoutMs: 1_000,
  actionTimeoutMs: 600_000,
  analyzeTimeoutMs: 4_000,
  setupTimeoutMs: 2_000,
  maxCallDepth: 8,
  logs: DEFAULT_LOG_LIMITS,
});
