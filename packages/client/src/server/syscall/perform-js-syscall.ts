import { convexHook } from './convex-global.ts';

/**
 * Runs the host helper `op` with live JavaScript arguments (compat spec §4.9): unlike
 * {@link performSyscall}, nothing is converted to or from JSON.
 *
 * @example
 * ```ts
 * const request = performJsSyscall('requestFromConvexJson', { convexJson }) as Request;
 * ```
 */
export function performJsSyscall(op: string, args: Record<string, unknown>): unknown {
  const jsSyscall = convexHook('jsSyscall');
  return jsSyscall(op, args);
}
