import { makeTableNumber, type TableNumber } from '@selfhost/values';
import type { Catalog } from './catalog/catalog.ts';
import {
  FIRST_DYNAMIC_INDEX_ID,
  FIRST_SYSTEM_TABLE_NUMBER,
  FIRST_USER_TABLE_NUMBER,
} from './catalog/system-tables.ts';
import { CommitClock } from './commit/commit-clock.ts';
import type { CommitRows } from './commit/commit-rows.ts';
import { Committer } from './commit/committer.ts';
import {
  findConflict,
  WriteLog,
  type Conflict,
  type WriteLogEntry,
  type WriteLogRetention,
} from './commit/write-log.ts';
import { DatabaseError } from './errors/database-error.ts';
import type { DatabaseLimits } from './limits/database-limits.ts';
import { GLOBAL_KEYS, type Persistence } from './persistence/persistence.ts';
import type { CursorCodec } from './query/cursor-codec.ts';
import {
  SubscriptionManager,
  type Invalidation,
  type Subscription,
} from './subscriptions/subscription-manager.ts';
import { wallClockNs, type Timestamp } from './timestamp.ts';
import type { RetentionOptions } from './retention/retention-options.ts';
import type { ReadSet } from './transaction/read-set.ts';
import type { Snapshot } from './transaction/snapshot.ts';
import type { CommitRequest, TransactionHost } from './transaction/transaction-host.ts';
import { Transaction } from './transaction/transaction.ts';

/**
 * Options of `db.begin()`.
 *
 * @example
 * ```ts
 * db.begin({ readOnly: true });                 // a query at the latest snapshot
 * db.begin({ readTs: ts, readOnly: true });     // a consistent read at an earlier ts
 * ```
 */
export interface BeginOptions {
  /** Snapshot to read at; default the latest published. Must be within the write log's window. */
  readonly readTs?: bigint | undefined;
  /** A query: writes throw. */
  readonly readOnly?: boolean | undefined;
}

/**
 * Result of {@link Database.readSetChanged}.
 *
 * @example
 * ```ts
 * const r = db.readSetChanged(readSet, oldTs, newTs);
 * if (r.changed) rerun();
 * ```
 */
export interface ReadSetCheck {
  readonly changed: boolean;
  /** The first conflicting commit, or the log's horizon when out of retention. */
  readonly ts?: Timestamp | undefined;
  readonly reason?: Invalidation['reason'] | undefined;
}

/** @internal Everything the Database is built from (see `openDatabase`). */
export interface DatabaseParts {
  readonly persistence: Persistence;
  readonly limits: DatabaseLimits;
  readonly cursorCodec: CursorCodec;
  readonly snapshot: Snapshot;
  readonly writeLogRetention: WriteLogRetention;
  readonly retention: RetentionOptions;
}

/**
 * The database: begins transactions, commits them through the single committer, publishes
 * snapshots, and serves subscriptions over the write log. Open with `openDatabase()`.
 *
 * @example
 * ```ts
 * const db = await openDatabase({ persistence: await openSqlitePersistence({ path: ':memory:' }), cursorKey });
 * const tx = db.begin();
 * await tx.insert('messages', { body: 'hello' });
 * await tx.commit();
 * await db.close();
 * ```
 */
export class Database {
  readonly #persistence: Persistence;
  readonly #limits: DatabaseLimits;
  /** Retention settings. */
  readonly retentionOptions: RetentionOptions;
  readonly #clock: CommitClock;
  readonly #writeLog: WriteLog;
  readonly #committer: Committer;
  readonly #subscriptions: SubscriptionManager;
  readonly #host: TransactionHost;
  readonly #liveSnapshots = new Map<bigint, number>();
  readonly #commitListeners = new Set<(entry: WriteLogEntry) => void>();
  #snapshot: Snapshot;
  #nextUserTable: number;
  #nextSystemTable: number;
  #nextIndexId: number;
  #failure: DatabaseError | null = null;
  #closed = false;
  /** Snapshots below this may have been pruned (retention). */
  #retentionFloor = 0n;

  /** @internal Use `openDatabase()`. */
  constructor(parts: DatabaseParts) {
    this.#persistence = parts.persistence;
    this.#limits = parts.limits;
    this.retentionOptions = parts.retention;
    this.#snapshot = parts.snapshot;
    this.#clock = new CommitClock(parts.snapshot.ts);
    this.#writeLog = new WriteLog(parts.snapshot, parts.writeLogRetention);
    this.#subscriptions = new SubscriptionManager(this.#writeLog);
    const catalog = parts.snapshot.catalog;
    this.#nextUserTable = Math.max(
      FIRST_USER_TABLE_NUMBER,
      catalog.maxTableNumber(FIRST_USER_TABLE_NUMBER, Number.MAX_SAFE_INTEGER) + 1,
    );
    this.#nextSystemTable = Math.max(
      FIRST_SYSTEM_TABLE_NUMBER + 3,
      catalog.maxTableNumber(FIRST_SYSTEM_TABLE_NUMBER, FIRST_USER_TABLE_NUMBER) + 1,
    );
    this.#nextIndexId = Math.max(FIRST_DYNAMIC_INDEX_ID, catalog.maxIndexId() + 1);
    this.#committer = new Committer({
      persistence: this.#persistence,
      clock: this.#clock,
      writeLog: this.#writeLog,
      publish: (ts, rows) => this.#publish(ts, rows),
      conflictError: (conflict) => this.#conflictError(conflict),
      fail: (error) => this.#fail(error),
    });
    this.#host = {
      persistence: this.#persistence,
      limits: this.#limits,
      cursorCodec: parts.cursorCodec,
      checkOpen: () => this.#checkOpen(),
      allocateTableNumber: (system) => this.#allocateTableNumber(system),
      allocateIndexId: () => this.#nextIndexId++,
      commit: (request: CommitRequest) => this.#committer.commit(request),
      release: (ts) => this.#release(ts),
      readSetChanged: (readSet, fromTs, toTs) => this.readSetChanged(readSet, fromTs, toTs).changed,
    };
  }

  /** The latest published timestamp (what a new transaction reads at). */
  get latestTs(): Timestamp {
    return this.#snapshot.ts;
  }

  /** The limits in force. */
  get limits(): DatabaseLimits {
    return this.#limits;
  }

  /** @internal The storage driver. */
  get persistence(): Persistence {
    return this.#persistence;
  }

  /** @internal The latest published snapshot. */
  get snapshot(): Snapshot {
    return this.#snapshot;
  }

  /** The catalog (tables, indexes, active schema) at the latest snapshot. */
  get catalog(): Catalog {
    return this.#snapshot.catalog;
  }

  /**
   * Begins a transaction at the latest snapshot (or `readTs`).
   *
   * @throws {DatabaseError} `OutOfRetention` when `readTs` is older than the write log keeps or
   * than retention allows; `InvalidQuery` when it is in the future.
   */
  begin(options: BeginOptions = {}): Transaction {
    this.#checkOpen();
    let snapshot = this.#snapshot;
    if (options.readTs !== undefined && options.readTs !== snapshot.ts) {
      const readTs = options.readTs;
      if (readTs > snapshot.ts)
        throw new DatabaseError(
          'InvalidQuery',
          `Cannot read at ${readTs}: the latest timestamp is ${snapshot.ts}.`,
        );
      const older = readTs < this.#retentionFloor ? null : this.#writeLog.snapshotAt(readTs);
      if (older === null)
        throw new DatabaseError(
          'OutOfRetention',
          `Cannot read at ${readTs}: it is older than the retention window. Read at a newer timestamp.`,
        );
      snapshot = { ...older, ts: readTs as Timestamp };
    }
    this.#liveSnapshots.set(snapshot.ts, (this.#liveSnapshots.get(snapshot.ts) ?? 0) + 1);
    return new Transaction(this.#host, snapshot, { readOnly: options.readOnly ?? false });
  }

  /**
   * Runs `body` in a transaction and commits it, retrying OCC conflicts (up to `retries` times).
   *
   * @example
   * ```ts
   * const id = await db.runMutation((tx) => tx.insert('messages', { body: 'hi' }));
   * ```
   */
  async runMutation<TResult>(
    body: (tx: Transaction) => Promise<TResult>,
    options: { readonly retries?: number } = {},
  ): Promise<TResult> {
    const retries = options.retries ?? 4;
    for (let attempt = 0; ; attempt++) {
      const tx = this.begin();
      try {
        const result = await body(tx);
        await tx.commit();
        return result;
      } catch (error) {
        tx.abort();
        if (!(error instanceof DatabaseError && error.retryable) || attempt >= retries) throw error;
        // Retry from a snapshot that contains the conflicting write, after a jittered backoff.
        if (error.conflictTs !== undefined) await this.waitForTs(error.conflictTs);
        await new Promise((resolve) =>
          setTimeout(resolve, Math.random() * Math.min(100, 2 ** attempt)),
        );
      }
    }
  }

  /** Resolves once a commit at or after `ts` is published (at once if it already is). */
  waitForTs(ts: bigint): Promise<void> {
    if (this.#snapshot.ts >= ts || this.#closed || this.#failure !== null) return Promise.resolve();
    return new Promise((resolve) => {
      const off = this.onCommit((entry) => {
        if (entry.ts >= ts) {
          off();
          resolve();
        }
      });
    });
  }

  /**
   * Calls `onInvalidate` once, when a commit after `ts` writes inside `readSet` (or at once, if
   * that already happened or the read set is older than the write log).
   */
  subscribe(readSet: ReadSet, ts: bigint, onInvalidate: (why: Invalidation) => void): Subscription {
    this.#checkOpen();
    return this.#subscriptions.subscribe(readSet, ts as Timestamp, onInvalidate);
  }

  /** Number of live subscriptions. */
  get subscriptionCount(): number {
    return this.#subscriptions.size;
  }

  /**
   * Did any commit in `(fromTs, toTs]` write inside `readSet`? (token refresh, semantics §1.5).
   * A read set older than the write log counts as changed.
   */
  readSetChanged(readSet: ReadSet, fromTs: bigint, toTs: bigint = this.#snapshot.ts): ReadSetCheck {
    if (fromTs < this.#writeLog.purgedThrough)
      return { changed: true, ts: this.#writeLog.purgedThrough, reason: 'outOfRetention' };
    for (const entry of this.#writeLog.after(fromTs)) {
      if (entry.ts > toTs) break;
      if (findConflict(readSet, entry) !== null)
        return { changed: true, ts: entry.ts, reason: 'conflict' };
    }
    return { changed: false };
  }

  /** Calls `listener` after each published commit, in ts order. Returns an unsubscribe function. */
  onCommit(listener: (entry: WriteLogEntry) => void): () => void {
    this.#commitListeners.add(listener);
    return () => this.#commitListeners.delete(listener);
  }

  /** @internal The oldest snapshot a live transaction reads at (retention keeps it readable). */
  oldestLiveSnapshot(): bigint | null {
    let min: bigint | null = null;
    for (const ts of this.#liveSnapshots.keys()) if (min === null || ts < min) min = ts;
    return min;
  }

  /** @internal Raises the retention floor: snapshots below it can no longer begin. */
  raiseRetentionFloor(ts: bigint): void {
    if (ts > this.#retentionFloor) this.#retentionFloor = ts;
  }

  /** @internal The retention floor. */
  get retentionFloor(): bigint {
    return this.#retentionFloor;
  }

  /** Waits until every queued commit is durable. */
  drain(): Promise<void> {
    return this.#committer.drain();
  }

  /** Waits for queued commits, records the max timestamp and closes storage. Safe to call twice. */
  async close(): Promise<void> {
    if (this.#closed) return;
    await this.#committer.drain();
    this.#closed = true;
    try {
      if (this.#failure === null)
        await this.#persistence.setGlobal(GLOBAL_KEYS.maxRepeatableTs, this.#clock.last.toString());
    } finally {
      await this.#persistence.close();
    }
  }

  #checkOpen(): void {
    if (this.#failure !== null)
      throw new DatabaseError(
        'DatabaseClosed',
        `The database stopped after a storage failure: ${this.#failure.message}. Reopen it.`,
        { cause: this.#failure },
      );
    if (this.#closed) throw new DatabaseError('DatabaseClosed', 'The database is closed.');
  }

  #release(ts: bigint): void {
    const n = this.#liveSnapshots.get(ts) ?? 0;
    if (n <= 1) this.#liveSnapshots.delete(ts);
    else this.#liveSnapshots.set(ts, n - 1);
  }

  #allocateTableNumber(system: boolean): TableNumber {
    return makeTableNumber(system ? this.#nextSystemTable++ : this.#nextUserTable++);
  }

  #publish(ts: Timestamp, rows: CommitRows): void {
    let catalog = this.#snapshot.catalog;
    for (const change of rows.catalogChanges)
      catalog = catalog.apply(change.tableNumber, change.id, change.value);
    const counts =
      rows.countDeltas.size > 0
        ? this.#snapshot.counts.with(rows.countDeltas)
        : this.#snapshot.counts;
    this.#snapshot = Object.freeze({ ts, catalog, counts });
    const entry: WriteLogEntry = Object.freeze({
      ts,
      writes: rows.writes,
      tablesWritten: rows.tablesWritten,
      snapshot: this.#snapshot,
      bytes: rows.bytes,
    });
    this.#writeLog.append(entry, wallClockNs());
    this.#subscriptions.onCommit(entry);
    for (const listener of this.#commitListeners) {
      try {
        listener(entry);
      } catch (error) {
        console.error('[database] a commit listener threw', error);
      }
    }
  }

  #conflictError(conflict: Conflict): DatabaseError {
    const index = this.#snapshot.catalog.indexById(conflict.indexId);
    const table =
      index === undefined ? undefined : this.#snapshot.catalog.tableByNumber(index.tableNumber);
    const tableName = table?.name ?? 'unknown';
    return new DatabaseError(
      'OptimisticConcurrencyControlFailure',
      `Documents read from or written to the table "${tableName}" changed while this transaction was being run (index ${tableName}.${index?.name ?? '?'}, document ${conflict.documentId}, written at ts ${conflict.ts}). Retry the transaction.`,
      {
        tableName,
        indexName: index?.name,
        documentId: conflict.documentId,
        conflictTs: conflict.ts,
      },
    );
  }

  #fail(error: unknown): DatabaseError {
    const failure =
      error instanceof DatabaseError
        ? error
        : new DatabaseError(
            'StorageFailure',
            `Commit write failed: ${error instanceof Error ? error.message : String(error)}`,
            { cause: error, storageKind: 'other' },
          );
    this.#failure ??= failure;
    return failure;
  }
}
