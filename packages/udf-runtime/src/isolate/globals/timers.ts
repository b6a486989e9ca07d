import { defineGlobal } from '../define-global.ts';
import { currentExecution } from '../driver/current-execution.ts';
import { failUncatchable } from '../driver/uncatchable.ts';
import { isQueryOrMutation, realTimeMs, runtimeState } from '../runtime-state.ts';

/**
 * The error of a non-deterministic API in a query or mutation, worded as Convex words it.
 *
 * @example
 * ```ts
 * notInQueriesOrMutations('fetch()'); // "Can't use fetch() in queries and mutations. …"
 * ```
 * @internal
 */
export function notInQueriesOrMutations(what: string): string {
  return `Can't use ${what} in queries and mutations. Please consider using an action. See https://docs.convex.dev/functions/actions for more details.`;
}

/**
 * Schedules an action timer. In queries and mutations timers fail the function (an error it
 * cannot catch, as in the reference runtime); while importing modules they are refused.
 *
 * @example
 * ```ts
 * scheduleTimer({ callback: () => undefined, delayMs: 10, intervalMs: null, name: 'setTimeout' });
 * ```
 * @internal
 */
export function scheduleTimer(timer: { readonly callback: () => void; readonly delayMs: unknown; readonly intervalMs: number | null; readonly name: string }): number {
  const { name } = timer;
  if (isQueryOrMutation()) return failUncatchable(notInQueriesOrMutations(name));
  if (runtimeState.phase === 'import') throw new Error(`Can't use ${name} while modules are imported`);
  const delay = Number(timer.delayMs);
  return currentExecution.timers.add({ callback: timer.callback, delayMs: Number.isFinite(delay) ? Math.max(0, delay) : 0, intervalMs: timer.intervalMs, nowMs: realTimeMs() });
}

function callbackOf(handler: unknown, args: readonly unknown[], name: string): () => void {
  if (typeof handler !== 'function') throw new TypeError(`${name}: the callback must be a function`);
  return () => {
    (handler as (...a: unknown[]) => void)(...args);
  };
}

/**
 * Installs `setTimeout`, `setInterval`, their `clear…` functions and `queueMicrotask`.
 *
 * @example
 * ```ts
 * installTimers();
 * ```
 * @internal
 */
export function installTimers(): void {
  defineGlobal('setTimeout', (handler: unknown, delay?: unknown, ...args: unknown[]) =>
    scheduleTimer({ callback: callbackOf(handler, args, 'setTimeout'), delayMs: delay, intervalMs: null, name: 'setTimeout' }),
  );
  defineGlobal('setInterval', (handler: unknown, delay?: unknown, ...args: unknown[]) => {
    const interval = Math.max(0, Number(delay) || 0);
    return scheduleTimer({ callback: callbackOf(handler, args, 'setInterval'), delayMs: interval, intervalMs: interval, name: 'setInterval' });
  });
  defineGlobal('clearTimeout', (id: unknown) => currentExecution.timers.clear(id));
  defineGlobal('clearInterval', (id: unknown) => currentExecution.timers.clear(id));
  defineGlobal('queueMicrotask', (callback: unknown) => {
    if (typeof callback !== 'function') throw new TypeError('queueMicrotask: the callback must be a function');
    void Promise.resolve().then(() => (callback as () => void)());
  });
}
