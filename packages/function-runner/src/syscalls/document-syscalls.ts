import type { DocumentJson, UdfTransaction } from '../database/udf-transaction.ts';
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

/** The document a patch or replace writes, and what. */
interface ValueWrite {
  readonly id: string;
  readonly value: DocumentJson;
  readonly table: string | undefined;
}

/**
 * A syscall that writes `value` over the document `id`: `patch` merges it, `replace` swaps it in.
 */
function valueWriteSyscall(op: string, write: (transaction: UdfTransaction, target: ValueWrite) => Promise<void>): SyscallHandler {
  return {
    kind: 'async',
    allowed: MUTATION_ONLY,
    run: async (args, env) => {
      const id = stringArg(args, 'id', op);
      const value = objectArg(args, 'value', op);
      const table = optionalStringArg(args, 'table', op);
      systemTableWrite(table);
      await withDatabase(() => write(requireTransaction(env), { id, value, table }));
      return 'null';
    },
  };
}

/**
 * `1.0/shallowMerge` (`db.patch`).
 *
 * @example
 * ```ts
 * await patchSyscall.run({ id, value: { done: true } }, env);
 * ```
 * @internal
 */
export const patchSyscall: SyscallHandler = valueWriteSyscall('1.0/shallowMerge', (transaction, { id, value, table }) => transaction.patch(id, value, table));

/**
 * `1.0/replace` (`db.replace`).
 *
 * @example
 * ```ts
 * await replaceSyscall.run({ id, value: { body: 'new' } }, env);
 * ```
 * @internal
 */
export const replaceSyscall: SyscallHandler = valueWriteSyscall('1.0/replace', (transaction, { id, value, table }) => transaction.replace(id, value, table));

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
