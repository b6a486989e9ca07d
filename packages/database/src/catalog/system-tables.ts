// Fixed numbers and index ids of the bootstrap system tables. `_tables`, `_index` and `_schemas`
// are ordinary tables in the document log; their index ids are constants so that they can be read
// at open before anything else is known (semantics §2.6 step 3).

/** `_tables`: one document per table `{ name, number }`. */
export const TABLES_TABLE = Object.freeze({
  name: '_tables',
  number: 513,
  byId: 1,
  byCreationTime: 2,
  byName: 3,
});
/** `_index`: one document per index `{ table, name, fields, state, staged, kind, indexId, … }`. */
export const INDEX_TABLE = Object.freeze({
  name: '_index',
  number: 514,
  byId: 4,
  byCreationTime: 5,
  byTable: 6,
});
/** `_schemas`: pushed schemas `{ state, schema }`; at most one is `active`. */
export const SCHEMAS_TABLE = Object.freeze({
  name: '_schemas',
  number: 515,
  byId: 7,
  byCreationTime: 8,
  byState: 9,
});

/** The first index id handed out at run time. */
export const FIRST_DYNAMIC_INDEX_ID = 100;
/** System tables are numbered from 513 (compat §1.6). */
export const FIRST_SYSTEM_TABLE_NUMBER = 513;
/** User tables are numbered from 10001 (compat §1.6). */
export const FIRST_USER_TABLE_NUMBER = 10001;

/**
 * A system table another package needs (`_scheduled_functions`, `_storage`, …): created at open
 * if missing, with these indexes (besides `by_id` and `by_creation_time`).
 *
 * @example
 * ```ts
 * const scheduled: SystemTableDefinition = {
 *   name: '_scheduled_functions',
 *   indexes: [{ name: 'by_next_ts', fields: ['nextTs'] }],
 * };
 * ```
 */
export interface SystemTableDefinition {
  /** Must start with `_`. */
  readonly name: string;
  readonly indexes?:
    readonly { readonly name: string; readonly fields: readonly string[] }[] | undefined;
}

/** System tables every database has, besides the bootstrap three. */
export const DEFAULT_SYSTEM_TABLES: readonly SystemTableDefinition[] = Object.freeze([
  {
    name: '_scheduled_functions',
    indexes: [{ name: 'by_scheduled_time', fields: ['scheduledTime'] }],
  },
  { name: '_storage', indexes: [{ name: 'by_sha256', fields: ['sha256'] }] },
]);
