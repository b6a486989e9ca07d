import type { TableNumber } from '@selfhost/values';
import type { Catalog } from '../catalog/catalog.ts';
import type { DatabaseLimits } from '../limits/database-limits.ts';
import type { Persistence } from '../persistence/persistence.ts';
import type { CursorCodec } from '../query/cursor-codec.ts';
import type { Timestamp } from '../timestamp.ts';
import type { PendingWrite } from './pending-writes.ts';
import type { ReadSet } from './read-set.ts';

/**
 * What a transaction hands the committer.
 *
 * @internal
 * @example
 * ```ts
 * await host.commit({ beginTs, readSet, writes, catalog });
 * ```
 */
export interface CommitRequest {
  readonly beginTs: Timestamp;
  readonly readSet: ReadSet;
  readonly writes: readonly PendingWrite[];
  /** The transaction's catalog (with its own table/index changes) to compute index rows. */
  readonly catalog: Catalog;
}

/**
 * What a transaction needs from its database.
 *
 * @internal
 * @example
 * ```ts
 * const tx = new Transaction(host, snapshot, { readOnly: false });
 * ```
 */
export interface TransactionHost {
  readonly persistence: Persistence;
  readonly limits: DatabaseLimits;
  readonly cursorCodec: CursorCodec;
  /** Throws `DatabaseClosed` if the database is closed or failed. */
  checkOpen(): void;
  allocateTableNumber(system: boolean): TableNumber;
  allocateIndexId(): number;
  commit(request: CommitRequest): Promise<Timestamp>;
  /** Whether a commit in `(fromTs, toTs]` wrote inside `readSet` (or the log no longer tells). */
  readSetChanged(readSet: ReadSet, fromTs: Timestamp, toTs: Timestamp): boolean;
  /** Called once when the transaction ends (commit, abort). */
  release(snapshotTs: Timestamp): void;
}
