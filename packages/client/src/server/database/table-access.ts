import { QueryInitializerImpl } from '../query/query-initializer-impl.ts';
import {
  deleteDocument,
  insertDocument,
  patchDocument,
  readDocument,
  replaceDocument,
} from './document-syscalls.ts';

/**
 * Starts a query on `tableName`, after checking that user tables are read through `ctx.db` and
 * system tables (`_`-prefixed) through `ctx.db.system`.
 *
 * @example
 * ```ts
 * startQuery('messages', false).collect();
 * ```
 */
export function startQuery(tableName: string, isSystem: boolean): QueryInitializerImpl {
  const accessingSystemTable = tableName.startsWith('_');
  if (accessingSystemTable !== isSystem) {
    throw new Error(
      accessingSystemTable
        ? `System tables can only be accessed from db.system.query(): use \`ctx.db.system.query("${tableName}")\`.`
        : `User tables can only be accessed from db.query(): use \`ctx.db.query("${tableName}")\`.`,
    );
  }
  return new QueryInitializerImpl(tableName);
}

/**
 * `ctx.db.table(name)` in a query: reads scoped to one table.
 *
 * @example
 * ```ts
 * await tableReader('messages', false).get(id);
 * ```
 */
export function tableReader(tableName: string, isSystem: boolean) {
  return Object.freeze({
    get: (id: unknown) => readDocument({ table: tableName, id, isSystem }),
    query: () => startQuery(tableName, isSystem),
  });
}

/**
 * `ctx.db.table(name)` in a mutation: reads and writes scoped to one user table.
 *
 * @example
 * ```ts
 * await tableWriter('messages').insert({ body: 'hi' });
 * ```
 */
export function tableWriter(tableName: string) {
  return Object.freeze({
    ...tableReader(tableName, false),
    insert: (value: unknown) => insertDocument(tableName, value),
    patch: (id: unknown, value: unknown) => patchDocument({ table: tableName, id, value }),
    replace: (id: unknown, value: unknown) => replaceDocument({ table: tableName, id, value }),
    delete: (id: unknown) => deleteDocument(tableName, id),
  });
}
