import type { Catalog } from '../catalog/catalog.ts';
import type { Timestamp } from '../timestamp.ts';
import type { TableCounts } from './table-counts.ts';

/**
 * A published state of the database: everything a transaction beginning at `ts` needs from
 * memory. Immutable; the committer publishes a new one per commit.
 *
 * @internal
 * @example
 * ```ts
 * const snapshot = db.latestSnapshot;
 * snapshot.catalog.tableByName('messages');
 * ```
 */
export interface Snapshot {
  readonly ts: Timestamp;
  readonly catalog: Catalog;
  /** Live documents per table number. */
  readonly counts: TableCounts;
}
