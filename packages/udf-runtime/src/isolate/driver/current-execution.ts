import { OpQueue } from './op-queue.ts';
import { TimerQueue } from './timer-queue.ts';

/**
 * The host operations and timers of the one execution this context runs (a context is
 * never reused, so these live for the context's lifetime).
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
