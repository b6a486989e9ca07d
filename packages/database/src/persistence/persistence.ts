import type { JSONValue } from '@selfhost/values';
import type { IndexKey } from '../keys/index-key.ts';

/**
 * One revision in the document log: the value as Convex-JSON text, or `null` for a delete.
 *
 * @example
 * ```ts
 * const row: DocumentRow = { tableId: 10001, internalId, ts, json: '{"_id":…}', prevTs: null };
 * ```
 */
export interface DocumentRow {
  readonly tableId: number;
  /** The 16-byte internal id. */
  readonly internalId: Uint8Array;
  readonly ts: bigint;
  /** Convex-JSON text of the whole document (with `_id`, `_creationTime`), or null = deleted. */
  readonly json: string | null;
  /** The ts of the revision this one replaces; null for an insert. */
  readonly prevTs: bigint | null;
}

/**
 * One row of the multi-version index table: `key` points at revision `ts` of a document, or is
 * a tombstone (`deleted`) that hides older rows of the same key.
 *
 * @example
 * ```ts
 * const row: IndexRow = { indexId: 1, key, ts, deleted: false, tableId, internalId };
 * ```
 */
export interface IndexRow {
  readonly indexId: number;
  readonly key: IndexKey;
  readonly ts: bigint;
  readonly deleted: boolean;
  readonly tableId: number;
  readonly internalId: Uint8Array;
}

/**
 * What one SQL transaction writes: the rows of one or more commits (group commit).
 *
 * @example
 * ```ts
 * await persistence.write({ documents, indexes });
 * ```
 */
export interface WriteBatch {
  readonly documents: readonly DocumentRow[];
  readonly indexes: readonly IndexRow[];
}

/**
 * The read primitive: index `indexId` over `[start, end)` at `readTs`, newest version ≤ readTs
 * per key, tombstones skipped, joined to the document.
 *
 * @example
 * ```ts
 * const page = await persistence.scanIndex({ indexId, start, end, readTs, order: 'asc', limit: 100 });
 * ```
 */
export interface IndexScanRequest {
  readonly indexId: number;
  readonly start: IndexKey;
  readonly end: IndexKey;
  readonly readTs: bigint;
  readonly order: 'asc' | 'desc';
  /** Most keys to examine (tombstones count); the page may return fewer rows. */
  readonly limit: number;
}

/**
 * A live document found by a scan or a point load.
 *
 * @example
 * ```ts
 * for (const row of page.rows) console.log(row.key, row.json);
 * ```
 */
export interface ScannedDocument {
  readonly key: IndexKey;
  /** The revision's ts. */
  readonly ts: bigint;
  readonly tableId: number;
  readonly internalId: Uint8Array;
  readonly json: string;
}

/**
 * One page of a scan. `next` is the bound to continue from (asc: the new inclusive start, desc:
 * the new exclusive end), or null once the range is exhausted.
 *
 * @example
 * ```ts
 * while (next !== null) { … }
 * ```
 */
export interface IndexScanPage {
  readonly rows: readonly ScannedDocument[];
  readonly next: IndexKey | null;
}

/**
 * A revision of the document log, as read for retention and log walks.
 *
 * @example
 * ```ts
 * const entries = await persistence.scanLog({ afterTs, throughTs, limit: 256 });
 * ```
 */
export interface LogEntry {
  readonly tableId: number;
  readonly internalId: Uint8Array;
  readonly ts: bigint;
  readonly json: string | null;
  readonly prevTs: bigint | null;
}

/**
 * Where a revision lives: its primary key in the document log.
 *
 * @example
 * ```ts
 * const at: RevisionRef = { tableId, internalId, ts };
 * ```
 */
export interface RevisionRef {
  readonly tableId: number;
  readonly internalId: Uint8Array;
  readonly ts: bigint;
}

/**
 * Rows retention deletes in one SQL transaction.
 *
 * @example
 * ```ts
 * await persistence.deleteRows({ documents: [ref], indexes: [{ indexId, key, ts }] });
 * ```
 */
export interface DeleteBatch {
  readonly documents: readonly RevisionRef[];
  readonly indexes: readonly {
    readonly indexId: number;
    readonly key: IndexKey;
    readonly ts: bigint;
  }[];
}

/**
 * The storage layer (habit 7): one interface, one folder per backend (`sqlite/`, `postgres/`,
 * `mysql/`). Tables: an append-only document log, a multi-version index table, globals and a
 * reserved `leases` table (semantics §2.1). Failures leave as `DatabaseError('StorageFailure')`
 * with a {@link StorageFailureKind}.
 *
 * @example
 * ```ts
 * const persistence = await openSqlitePersistence({ path: ':memory:' });
 * const db = await openDatabase({ persistence, cursorKey });
 * ```
 */
export interface Persistence {
  /** `'sqlite' | 'postgres' | 'mysql'`, for logs and benchmarks. */
  readonly kind: string;
  /** Scan one page of an index at a snapshot. */
  scanIndex(request: IndexScanRequest): Promise<IndexScanPage>;
  /** The newest revision ≤ readTs of one document, or null if none or deleted. */
  loadDocument(
    tableId: number,
    internalId: Uint8Array,
    readTs: bigint,
  ): Promise<ScannedDocumentRevision | null>;
  /** Several exact revisions (retention needs the values of superseded ones). */
  loadRevisions(refs: readonly RevisionRef[]): Promise<Map<string, string | null>>;
  /** The largest ts in the document log (0 when empty). */
  maxTs(): Promise<bigint>;
  /** Revisions with afterTs < ts ≤ throughTs, in ts order. */
  scanLog(range: {
    readonly afterTs: bigint;
    readonly throughTs: bigint;
    readonly limit: number;
  }): Promise<LogEntry[]>;
  /** Live documents per table at the newest ts. */
  countLiveDocuments(): Promise<Map<number, number>>;
  /** Writes the rows of one or more commits in ONE SQL transaction. */
  write(batch: WriteBatch): Promise<void>;
  /** Inserts index rows, ignoring rows that already exist (index backfill). */
  backfillIndexRows(rows: readonly IndexRow[]): Promise<void>;
  /** Deletes rows (retention) in one SQL transaction. */
  deleteRows(batch: DeleteBatch): Promise<void>;
  /** Deletes up to `limit` rows of a dropped index; returns how many it deleted. */
  deleteIndexRows(indexId: number, limit: number): Promise<number>;
  getGlobal(key: string): Promise<JSONValue | undefined>;
  setGlobal(key: string, value: JSONValue): Promise<void>;
  close(): Promise<void>;
}

/**
 * A document revision returned by {@link Persistence.loadDocument}.
 *
 * @example
 * ```ts
 * const revision = await persistence.loadDocument(tableId, internalId, ts);
 * ```
 */
export interface ScannedDocumentRevision {
  readonly ts: bigint;
  readonly json: string;
}

/**
 * Map key of a revision in {@link Persistence.loadRevisions} results.
 *
 * @example
 * ```ts
 * revisions.get(revisionKey(ref));
 * ```
 */
export function revisionKey(ref: RevisionRef): string {
  return `${ref.tableId}:${Buffer.from(ref.internalId).toString('hex')}:${ref.ts}`;
}

/** Our on-disk format version, stored in globals so later releases can migrate. */
export const PERSISTENCE_VERSION = 1;

/** Global keys (semantics §2.2, our own names). */
export const GLOBAL_KEYS = Object.freeze({
  persistenceVersion: 'persistence_version',
  maxRepeatableTs: 'max_repeatable_ts',
  retentionCursorTs: 'retention_confirmed_ts',
  retentionFloorTs: 'retention_min_snapshot_ts',
});
