import { developerError } from '../errors/developer-error.ts';
import { objectArg, optionalStringArg, stringArg } from './syscall-args.ts';
import { QUERY_AND_MUTATION, type SyscallHandler } from './syscall-handler.ts';
import { requireTransaction, withDatabase } from './require-transaction.ts';

const MUTATION_ONLY = Object.freeze(['mutation'] as const);

function systemTableWrite(table: string | undefined): void {
  if (table !== undefined && table.startsWith('_')) throw developerError('System tables (prefixed with `_`) are read-only.');
}

/**
 * `1.0/get`: a document by id, or `null` (compat spec §4.8).
 *
 * @example
 * ```ts
 * await getSyscall.run({ id, isSystem: false }, env); // '{"_id":…}' or 'null'
 * ```
 * @internal
 */
export const getSyscall: SyscallHandler = {
  kind: 'async',
  allowed: QUERY_AND_MUTATION,
  run: async (args, env) => {
    const id = stringArg(args, 'id', '1.0/get');
    const table = optionalStringArg(args, 'table', '1.0/get');
    const isSystem = args['isSystem'] === true;
    const doc = await withDatabase(() => requireTransaction(env).get(id, { table, isSystem }));
    return doc ?? 'null';
  },
};

/**
 * `1.0/insert`: returns `{"_id": …}`.
 *
 * @example
 * ```ts
 * await insertSyscall.run({ table: 'messages', value: { body: 'hi' } }, env); // '{"_id":"j57…"}'
 * ```
 * @internal
 */
export const insertSyscall: SyscallHandler = {
  kind: 'async',
  allowed: MUTATION_ONLY,
  run: async (args, env) => {
    const table = stringArg(args, 'table', '1.0/insert');
    systemTableWrite(table);
    const value = objectArg(args, 'value', '1.0/insert');
    const id = await withDatabase(() => requireTransaction(env).insert(table, value));
    return JSON.stringify({ _id: id });
  },
};

/**
 * `1.0/shallowMerge` (`db.patch`).
 *
 * @example
 * ```ts
 * await patchSyscall.run({ id, value: { done: true } }, env);
 * ```
 * @internal
 */
export const patchSyscall: SyscallHandler = {
  kind: 'async',
  allowed: MUTATION_ONLY,
  run: async (args, env) => {
    const id = stringArg(args, 'id', '1.0/shallowMerge');
    const value = objectArg(args, 'value', '1.0/shallowMerge');
    const table = optionalStringArg(args, 'table', '1.0/shallowMerge');
    systemTableWrite(table);
    await withDatabase(() => requireTransaction(env).patch(id, value, table));
    return 'null';
  },
};

/**
 * `1.0/replace` (`db.replace`).
 *
 * @example
 * ```ts
 * await replaceSyscall.run({ id, value: { body: 'new' } }, env);
 * ```
 * @internal
 */
export const replaceSyscall: SyscallHandler = {
  kind: 'async',
  allowed: MUTATION_ONLY,
  run: async (args, env) => {
    const id = stringArg(args, 'id', '1.0/replace');
    const value = objectArg(args, 'value', '1.0/replace');
    const table = optionalStringArg(args, 'table', '1.0/replace');
    systemTableWrite(table);
    await withDatabase(() => requireTransaction(env).replace(id, value, table));
    return 'null';
  },
};

/**
 * `1.0/remove` (`db.delete`).
 *
 * @example
 * ```ts
 * await removeSyscall.run({ id }, env);
 * ```
 * @internal
 */
export const removeSyscall: SyscallHandler = {
  kind: 'async',
  allowed: MUTATION_ONLY,
  run: async (args, env) => {
    const id = stringArg(args, 'id', '1.0/remove');
    const table = optionalStringArg(args, 'table', '1.0/remove');
    systemTableWrite(table);
    await withDatabase(() => requireTransaction(env).delete(id, table));
    return 'null';
  },
};
