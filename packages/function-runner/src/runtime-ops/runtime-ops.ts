import type { SyscallHandler } from '../syscalls/syscall-handler.ts';
import { fetchOp } from './fetch-op.ts';
import { subtleOp } from './subtle-op.ts';

/**
 * The runtime's own host operations, served like async syscalls: `$fetch` (actions' `fetch`)
 * and `$subtle` (`crypto.subtle`).
 *
 * @example
 * ```ts
 * RUNTIME_OPS.get('$fetch');
 * ```
 * @internal
 */
export const RUNTIME_OPS: ReadonlyMap<string, SyscallHandler> = new Map<string, SyscallHandler>([
  ['$fetch', fetchOp],
  ['$subtle', subtleOp],
]);
