import { convexHook } from './convex-global.ts';

/**
 * Runs the synchronous syscall `op` with `args` (a plain JSON object; Convex values must already
 * be in their Convex-JSON form) and returns the parsed JSON result.
 *
 * @example
 * ```ts
 * const { id } = performSyscall('1.0/db/normalizeId', { table: 'users', idString: raw }) as { id: string | null };
 * ```
 */
export function performSyscall(op: string, args: Record<string, unknown>): unknown {
  const syscall = convexHook('syscall');
  return JSON.parse(syscall(op, JSON.stringify(args)));
}
