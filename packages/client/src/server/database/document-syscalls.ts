import {
  convexToJson,
  jsonToConvex,
  patchValueToJson,
  type JSONValue,
  type Value,
} from '@selfhost/values';
import { checkArgPresent } from '../args/check-arg.ts';
import type { GenericDocument } from '../data-model/data-model.ts';
import { performAsyncSyscall } from '../syscall/perform-async-syscall.ts';
import { CONVEX_COMPAT_VERSION } from '../version.ts';

// Each function below is one database syscall of compat spec §4.8. The object literals list the
// fields in the order the host receives them, so the JSON text is the same as convex/server's.

/**
 * `1.0/get`: the document `id` (of `table`, when given), or `null`.
 *
 * @example
 * ```ts
 * await readDocument({ table: 'users', id, isSystem: false });
 * ```
 */
export async function readDocument(request: {
  readonly table: string | undefined;
  readonly id: unknown;
  readonly isSystem: boolean;
}): Promise<GenericDocument | null> {
  const { table, id, isSystem } = request;
  checkArgPresent(id, { position: 1, method: 'get', argName: 'id' });
  if (typeof id !== 'string') {
    throw new Error(
      `Invalid argument \`id\` for \`db.get\`, expected string but got '${typeof id}': ${String(id)}. ` +
        'Pass a document id, e.g. `ctx.db.get("users", args.userId)`.',
    );
  }
  const document = await performAsyncSyscall('1.0/get', {
    id: convexToJson(id),
    isSystem,
    version: CONVEX_COMPAT_VERSION,
    table,
  });
  return jsonToConvex(document as JSONValue) as GenericDocument | null;
}

/**
 * `1.0/insert`: inserts `value` into `table` and returns the new id.
 *
 * @example
 * ```ts
 * const id = await insertDocument('messages', { body: 'hi' });
 * ```
 */
export async function insertDocument(table: string, value: unknown): Promise<string> {
  checkArgPresent(table, { position: 1, method: 'insert', argName: 'table' });
  if (table.startsWith('_')) {
    throw new Error(
      `System tables (prefixed with \`_\`) are read-only: cannot insert into "${table}".`,
    );
  }
  checkArgPresent(value, { position: 2, method: 'insert', argName: 'value' });
  const result = await performAsyncSyscall('1.0/insert', {
    table,
    value: convexToJson(value as Value),
  });
  return (jsonToConvex(result as JSONValue) as { _id: string })._id;
}

/**
 * `1.0/shallowMerge`: merges `value` into the document; a field set to `undefined` is removed.
 *
 * @example
 * ```ts
 * await patchDocument({ table: undefined, id, value: { body: 'edited' } });
 * ```
 */
export async function patchDocument(request: DocumentWrite): Promise<void> {
  const { table, id, value } = request;
  checkArgPresent(id, { position: 1, method: 'patch', argName: 'id' });
  checkArgPresent(value, { position: 2, method: 'patch', argName: 'value' });
  await performAsyncSyscall('1.0/shallowMerge', {
    id: convexToJson(id as Value),
    value: patchValueToJson(value as Value),
    table,
  });
}

/**
 * `1.0/replace`: replaces the document with `value`.
 *
 * @example
 * ```ts
 * await replaceDocument({ table: 'messages', id, value: { body: 'new' } });
 * ```
 */
export async function replaceDocument(request: DocumentWrite): Promise<void> {
  const { table, id, value } = request;
  checkArgPresent(id, { position: 1, method: 'replace', argName: 'id' });
  checkArgPresent(value, { position: 2, method: 'replace', argName: 'value' });
  await performAsyncSyscall('1.0/replace', {
    id: convexToJson(id as Value),
    value: convexToJson(value as Value),
    table,
  });
}

/**
 * `1.0/remove`: deletes the document.
 *
 * @example
 * ```ts
 * await deleteDocument('messages', id);
 * ```
 */
export async function deleteDocument(table: string | undefined, id: unknown): Promise<void> {
  checkArgPresent(id, { position: 1, method: 'delete', argName: 'id' });
  await performAsyncSyscall('1.0/remove', { id: convexToJson(id as Value), table });
}

/**
 * A write to one document: `table` is `undefined` when the caller used the id-only form.
 *
 * @example
 * ```ts
 * const write: DocumentWrite = { table: 'messages', id, value: { body: 'x' } };
 * ```
 */
export interface DocumentWrite {
  readonly table: string | undefined;
  readonly id: unknown;
  readonly value: unknown;
}
