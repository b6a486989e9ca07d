import { failUncatchable } from '../driver/uncatchable.ts';

type JsSyscallHandler = (args: Record<string, unknown>) => unknown;

const handlers = new Map<string, JsSyscallHandler>();

/**
 * Registers the in-isolate implementation of one JS syscall (compat spec §4.9).
 *
 * @example
 * ```ts
 * registerJsSyscall('requestFromConvexJson', (args) => requestFromConvexJson(args));
 * ```
 * @internal
 */
export function registerJsSyscall(op: string, handler: JsSyscallHandler): void {
  handlers.set(op, handler);
}

/**
 * Runs a JS syscall: live JS values in, live JS values out.
 *
 * @example
 * ```ts
 * const request = jsSyscall('requestFromConvexJson', { convexJson });
 * ```
 * @internal
 */
export function jsSyscall(op: string, args: Record<string, unknown>): unknown {
  const handler = handlers.get(op);
  if (handler === undefined) return failUncatchable(`Unknown JS syscall: ${op}`);
  return handler(typeof args === 'object' && args !== null ? args : {});
}
