import type { JSONValue } from '@selfhost/values';

/**
 * Lifecycle of an index (semantics §3.1): written to while `backfilling`, queryable only when
 * `enabled`. Staged indexes stop at `backfilled`.
 *
 * @example
 * ```ts
 * const state: IndexState = 'enabled';
 * ```
 */
export type IndexState = 'backfilling' | 'backfilled' | 'enabled';

/**
 * What kind of index: database indexes live in the index table; search and vector definitions
 * are stored for the packages that implement them.
 *
 * @example
 * ```ts
 * const kind: IndexKind = 'database';
 * ```
 */
export type IndexKind = 'database' | 'search' | 'vector';

/**
 * One index of one table, as the catalog knows it.
 *
 * @example
 * ```ts
 * const index = catalog.index(tableNumber, 'by_author');
 * ```
 */
export interface IndexInfo {
  /** Integer id used in the index table. */
  readonly indexId: number;
  readonly tableNumber: number;
  readonly name: string;
  /** Declared fields: `[]` for by_id, `['_creationTime']` for by_creation_time. */
  readonly fields: readonly string[];
  readonly state: IndexState;
  readonly staged: boolean;
  readonly kind: IndexKind;
  /** Search/vector definition JSON (searchField, filterFields, dimensions…). */
  readonly definition: JSONValue | null;
  /** The `_index` document. */
  readonly docId: string;
}

/**
 * The fields the index key is made of: declared fields, then `_creationTime` and `_id` for user
 * indexes; `[_id]` for by_id; `[_creationTime, _id]` for by_creation_time (compat §1.8).
 *
 * @example
 * ```ts
 * keyFieldsOf(index); // ['author', '_creationTime', '_id']
 * ```
 */
export function keyFieldsOf(index: Pick<IndexInfo, 'name' | 'fields'>): readonly string[] {
  if (index.name === 'by_id') return ['_id'];
  if (index.name === 'by_creation_time') return ['_creationTime', '_id'];
  return [...index.fields, '_creationTime', '_id'];
}
