import { commitTsPlaceholder } from '@selfhost/values';
import type { GenericDataModel } from '../data-model/data-model.ts';
import type { GenericDatabaseWriter, GenericDatabaseWriterWithTable } from './database.ts';
import { readerMethods } from './database-reader.ts';
import {
  deleteDocument,
  insertDocument,
  patchDocument,
  replaceDocument,
} from './document-syscalls.ts';
import { tableWriter } from './table-access.ts';

/**
 * The `ctx.db` of a mutation: everything the reader does, plus inserts, patches, replaces and
 * deletes. The id-only forms (`patch(id, value)`) and the table forms (`patch(table, id, value)`)
 * are told apart by the number of arguments that are not `undefined`.
 *
 * @example
 * ```ts
 * const db = createDatabaseWriter();
 * const id = await db.insert('messages', { body: 'hi' });
 * ```
 */
export function createDatabaseWriter(): GenericDatabaseWriter<GenericDataModel> &
  GenericDatabaseWriterWithTable<GenericDataModel> {
  return Object.freeze({
    ...readerMethods(false),
    system: Object.freeze(readerMethods(true)),
    insert: (table: string, value: unknown) => insertDocument(table, value),
    patch: (first: unknown, second: unknown, third?: unknown) =>
      third !== undefined
        ? patchDocument({ table: first as string, id: second, value: third })
        : patchDocument({ table: undefined, id: first, value: second }),
    replace: (first: unknown, second: unknown, third?: unknown) =>
      third !== undefined
        ? replaceDocument({ table: first as string, id: second, value: third })
        : replaceDocument({ table: undefined, id: first, value: second }),
    delete: (first: unknown, second?: unknown) =>
      second !== undefined
        ? deleteDocument(first as string, second)
        : deleteDocument(undefined, first),
    table: (tableName: string) => tableWriter(tableName),
    vars: Object.freeze({ commitTs: commitTsPlaceholder }),
  }) as unknown as GenericDatabaseWriter<GenericDataModel> &
    GenericDatabaseWriterWithTable<GenericDataModel>;
}
