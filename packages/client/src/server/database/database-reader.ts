import { jsonToConvex, type JSONValue } from '@selfhost/values';
import { checkArgPresent } from '../args/check-arg.ts';
import type { GenericDataModel } from '../data-model/data-model.ts';
import { performSyscall } from '../syscall/perform-syscall.ts';
import type { GenericDatabaseReader, GenericDatabaseReaderWithTable } from './database.ts';
import { readDocument } from './document-syscalls.ts';
import { startQuery, tableReader } from './table-access.ts';

function normalizeId(isSystem: boolean, tableName: string, id: string): string | null {
  checkArgPresent(tableName, { position: 1, method: 'normalizeId', argName: 'tableName' });
  checkArgPresent(id, { position: 2, method: 'normalizeId', argName: 'id' });
  const accessingSystemTable = tableName.startsWith('_');
  if (accessingSystemTable !== isSystem) {
    throw new Error(
      accessingSystemTable
        ? `System tables can only be accessed from db.system.normalizeId(): use \`ctx.db.system.normalizeId("${tableName}", id)\`.`
        : `User tables can only be accessed from db.normalizeId(): use \`ctx.db.normalizeId("${tableName}", id)\`.`,
    );
  }
  const result = performSyscall('1.0/db/normalizeId', { table: tableName, idString: id });
  return (jsonToConvex(result as JSONValue) as { id: string | null }).id;
}

/**
 * The methods of `ctx.db` (or, with `isSystem`, of `ctx.db.system`) that read.
 *
 * @example
 * ```ts
 * const { get } = readerMethods(false);
 * ```
 */
export function readerMethods(isSystem: boolean) {
  return {
    // `get(table, id)` or `get(id)`: the two-argument form is told apart by its second argument.
    get: (first: unknown, second?: unknown) =>
      second !== undefined
        ? readDocument({ table: first as string, id: second, isSystem })
        : readDocument({ table: undefined, id: first, isSystem }),
    query: (tableName: string) => startQuery(tableName, isSystem),
    normalizeId: (tableName: string, id: string) => normalizeId(isSystem, tableName, id),
    table: (tableName: string) => tableReader(tableName, isSystem),
  };
}

/**
 * The `ctx.db` of a query: reads user tables, and system tables through `ctx.db.system`. Every
 * call is a syscall; nothing is cached here.
 *
 * @example
 * ```ts
 * const db = createDatabaseReader();
 * await db.get('users', id);
 * ```
 */
export function createDatabaseReader(): GenericDatabaseReader<GenericDataModel> &
  GenericDatabaseReaderWithTable<GenericDataModel> {
  const system = Object.freeze(readerMethods(true));
  return Object.freeze({
    ...readerMethods(false),
    system,
  }) as unknown as GenericDatabaseReader<GenericDataModel> &
    GenericDatabaseReaderWithTable<GenericDataModel>;
}
