import { OpQueue } from './op-queue.ts';
import { TimerQueue } from './timer-queue.ts';

/**
 * The host operations and timers of the execution this context runs. A context only runs
 * another execution when the previous one left no operation pending (queries and mutations
 * have no timers), so these live for the context's lifetime.
 *
 * @example
 * ```ts
 * const json = await currentExecution.ops.start('1.0/get', '{"id":"x"}');
 * ```
 * @internal
 */
export const currentExecution: { readonly ops: OpQueue; readonly timers: TimerQueue } = {
  ops: new OpQueue(),
  timers: new TimerQueue(),
};
