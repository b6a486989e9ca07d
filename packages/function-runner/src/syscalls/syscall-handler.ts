import type { UdfType } from '@selfhost/udf-runtime';
import type { ExecutionEnv } from '../execution/execution-env.ts';
import type { SyscallArgs } from './syscall-args.ts';

/**
 * One syscall: which function types may call it, whether it is synchronous
 * (`Convex.syscall`) or asynchronous (`Convex.asyncSyscall`, or a runtime operation such as
 * `$fetch`), and its handler, which returns the result as JSON text. Handlers throw
 * developer errors for the function's mistakes and anything else for system failures.
 *
 * @example
 * ```ts
 * const count: SyscallHandler = { kind: 'async', allowed: ['query', 'mutation'], run: async (args, env) => '0' };
 * ```
 * @internal
 */
export type SyscallHandler =
  | { readonly kind: 'sync'; readonly allowed: readonly UdfType[]; readonly run: (args: SyscallArgs, env: ExecutionEnv) => string }
  | { readonly kind: 'async'; readonly allowed: readonly UdfType[]; readonly run: (args: SyscallArgs, env: ExecutionEnv) => Promise<string> };

/**
 * Function types with a database transaction.
 *
 * @example
 * ```ts
 * QUERY_AND_MUTATION.includes('query'); // true
 * ```
 * @internal
 */
export const QUERY_AND_MUTATION: readonly UdfType[] = Object.freeze(['query', 'mutation']);

/**
 * Every function type that can run JavaScript.
 *
 * @example
 * ```ts
 * ALL_UDF_TYPES.length; // 4
 * ```
 * @internal
 */
export const ALL_UDF_TYPES: readonly UdfType[] = Object.freeze(['query', 'mutation', 'action', 'httpAction']);

/**
 * Function types without a transaction (they reach the database through nested calls).
 *
 * @example
 * ```ts
 * ACTIONS.includes('httpAction'); // true
 * ```
 * @internal
 */
export const ACTIONS: readonly UdfType[] = Object.freeze(['action', 'httpAction']);
