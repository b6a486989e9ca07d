import type { ContextConfig } from '../bridge/execution-request.ts';
import type { ExecutionPhase } from '../bridge/udf-type.ts';
import { RandomStream } from './determinism/random-stream.ts';

/** `Date.now` of the engine, captured before user code could replace `Date`. */
const engineNow = Date.now.bind(Date);

/**
 * The mutable state of the one context this runtime lives in: which phase it is in (module
 * import or one function execution) and the determinism inputs of that phase.
 *
 * @example
 * ```ts
 * runtimeState.phase; // 'import'
 * ```
 * @internal
 */
export const runtimeState: {
  phase: ExecutionPhase;
  /** Seed of the phase's random stream (created on first use); `null` = real randomness. */
  seed: readonly number[] | null;
  /** The stream made from `seed`, once something asked for randomness. */
  random: RandomStream | null;
  /** The frozen clock of the phase, or `null` for the real clock (actions). */
  frozenNowMs: number | null;
  /** Real clock at the start of the phase (for `performance.now()`). */
  phaseStartedAt: number;
  env: Readonly<Record<string, string>>;
  requestId: string;
} = {
  phase: 'import',
  seed: null,
  random: null,
  frozenNowMs: null,
  phaseStartedAt: engineNow(),
  env: {},
  requestId: '',
};

/**
 * Enters the import phase of a fresh context.
 *
 * @example
 * ```ts
 * enterImportPhase({ importSeed: [1, 2, 3, 4], importNowMs: 0, env: {} });
 * ```
 * @internal
 */
export function enterImportPhase(config: ContextConfig): void {
  runtimeState.phase = 'import';
  runtimeState.seed = config.importSeed;
  runtimeState.random = null;
  runtimeState.frozenNowMs = config.importNowMs;
  runtimeState.phaseStartedAt = engineNow();
  runtimeState.env = config.env;
}

/**
 * Enters the execution phase of one function.
 *
 * @example
 * ```ts
 * enterExecutionPhase({ phase: 'query', seed: [1, 2, 3, 4], nowMs: Date.now(), requestId: 'request-1' });
 * ```
 * @internal
 */
export function enterExecutionPhase(execution: {
  readonly phase: Exclude<ExecutionPhase, 'import'>;
  readonly seed: readonly number[];
  readonly nowMs: number;
  readonly requestId: string;
}): void {
  const { phase } = execution;
  runtimeState.phase = phase;
  runtimeState.requestId = execution.requestId;
  runtimeState.phaseStartedAt = engineNow();
  const deterministic = phase === 'query' || phase === 'mutation';
  runtimeState.seed = deterministic ? execution.seed : null;
  runtimeState.random = null;
  runtimeState.frozenNowMs = deterministic ? execution.nowMs : null;
}

/**
 * The seeded random stream of the current phase (`Math.random`, `crypto.getRandomValues`),
 * or `null` where randomness is real (actions). It is made on first use: seeding one costs
 * a few microseconds in a fresh context, and most functions never ask for randomness.
 *
 * @example
 * ```ts
 * const stream = seededRandom();
 * stream === null ? realRandom() : stream.nextFloat();
 * ```
 * @internal
 */
export function seededRandom(): RandomStream | null {
  const { seed } = runtimeState;
  if (seed === null) return null;
  runtimeState.random ??= new RandomStream(seed);
  return runtimeState.random;
}

/**
 * `Date.now()` as user code sees it: frozen while importing and in queries and mutations,
 * the real clock in actions.
 *
 * @example
 * ```ts
 * currentTimeMs();
 * ```
 * @internal
 */
export function currentTimeMs(): number {
  return runtimeState.frozenNowMs ?? engineNow();
}

/**
 * The real clock, for the runtime's own bookkeeping (timers of actions).
 *
 * @example
 * ```ts
 * realTimeMs();
 * ```
 * @internal
 */
export function realTimeMs(): number {
  return engineNow();
}

/**
 * Whether the current phase is a query or mutation, where non-determinism is banned.
 *
 * @example
 * ```ts
 * if (isQueryOrMutation()) throw new Error('not here');
 * ```
 * @internal
 */
export function isQueryOrMutation(): boolean {
  return runtimeState.phase === 'query' || runtimeState.phase === 'mutation';
}
