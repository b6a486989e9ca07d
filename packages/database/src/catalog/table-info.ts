import type { TableNumber } from '@selfhost/values';

/**
 * One table, as the catalog knows it.
 *
 * @example
 * ```ts
 * const table: TableInfo | undefined = catalog.tableByName('messages');
 * ```
 */
export interface TableInfo {
  readonly name: string;
  readonly number: TableNumber;
  /** The `_tables` document. */
  readonly docId: string;
}

/**
 * Whether a table name is a system table (`_`-prefixed).
 *
 * @example
 * ```ts
 * isSystemTableName('_storage'); // true
 * ```
 */
export function isSystemTableName(name: string): boolean {
  return name.startsWith('_');
}
