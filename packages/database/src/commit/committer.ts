import { DatabaseError } from '../errors/database-error.ts';
import type { Persistence } from '../persistence/persistence.ts';
import type { ReadSet } from '../transaction/read-set.ts';
import type { CommitRequest } from '../transaction/transaction-host.ts';
import type { Timestamp } from '../timestamp.ts';
import { buildCommitRows, type CommitRows } from './commit-rows.ts';
import type { CommitClock } from './commit-clock.ts';
import { findConflict, type Conflict, type WriteLog } from './write-log.ts';

interface PendingCommit {
  readonly ts: Timestamp;
  readonly rows: CommitRows;
  readonly resolve: (ts: Timestamp) => void;
  readonly reject: (error: unknown) => void;
}

/**
 * What the committer needs from the database.
 *
 * @internal
 * @example
 * ```ts
 * new Committer({ persistence, clock, writeLog, publish, describeConflict, fail });
 * ```
 */
export interface CommitterHost {
  readonly persistence: Persistence;
  readonly clock: CommitClock;
  readonly writeLog: WriteLog;
  /** Makes a durable commit visible (snapshot, write log, subscribers). Called in ts order. */
  publish(ts: Timestamp, rows: CommitRows): void;
  /** The OCC error for a conflict. */
  conflictError(conflict: Conflict): DatabaseError;
  /** A write failed: the database stops (the outcome of the batch is unknown). */
  fail(error: unknown): DatabaseError;
}

const MAX_BATCH_COMMITS = 512;
const MAX_BATCH_BYTES = 8 << 20;

/**
 * The single committer (semantics §1.4). `commit()` validates synchronously — against the write
 * log after the snapshot and against commits that are validated but not yet durable — assigns
 * the next timestamp and queues the rows. Queued commits are written together in one SQL
 * transaction (group commit: one fsync for many commits) and published in ts order once
 * durable; only then does `commit()` resolve.
 *
 * @internal
 * @example
 * ```ts
 * const ts = await committer.commit(request);
 * ```
 */
export class Committer {
  readonly #host: CommitterHost;
  /** Validated, not yet published, in ts order (the first ones may be being written). */
  readonly #pending: PendingCommit[] = [];
  /** Index in #pending of the first commit not yet handed to a write. */
  #queuedFrom = 0;
  #writing = false;
  #scheduled = false;
  #idle: (() => void)[] = [];

  constructor(host: CommitterHost) {
    this.#host = host;
  }

  commit(request: CommitRequest): Promise<Timestamp> {
    const log = this.#host.writeLog;
    if (request.beginTs < log.purgedThrough) {
      return Promise.reject(
        new DatabaseError(
          'OutOfRetention',
          `This transaction began at ${request.beginTs}, before the write log's retention (${log.purgedThrough}); it cannot be validated. Retry it.`,
        ),
      );
    }
    const conflict = this.#findConflict(request.readSet, request.beginTs);
    if (conflict !== null) return Promise.reject(this.#host.conflictError(conflict));
    const ts = this.#host.clock.next();
    let rows: CommitRows;
    try {
      rows = buildCommitRows(request, ts);
    } catch (error) {
      return Promise.reject(error instanceof Error ? error : new Error(String(error)));
    }
    return new Promise<Timestamp>((resolve, reject) => {
      this.#pending.push({ ts, rows, resolve, reject });
      this.#schedule();
    });
  }

  #findConflict(readSet: ReadSet, beginTs: bigint): Conflict | null {
    for (const entry of this.#host.writeLog.after(beginTs)) {
      const conflict = findConflict(readSet, entry);
      if (conflict !== null) return conflict;
    }
    // Validated but not yet durable: a later commit must not depend on them (§12.3).
    for (const pending of this.#pending) {
      const conflict = findConflict(readSet, { ts: pending.ts, writes: pending.rows.writes });
      if (conflict !== null) return conflict;
    }
    return null;
  }

  #schedule(): void {
    if (this.#scheduled || this.#writing) return;
    this.#scheduled = true;
    // Let every commit issued in this turn of the event loop join the batch.
    setImmediate(() => {
      this.#scheduled = false;
      void this.#flush();
    });
  }

  async #flush(): Promise<void> {
    if (this.#writing) return;
    this.#writing = true;
    try {
      while (this.#queuedFrom < this.#pending.length) {
        const batch: PendingCommit[] = [];
        let bytes = 0;
        while (
          this.#queuedFrom < this.#pending.length &&
          batch.length < MAX_BATCH_COMMITS &&
          bytes < MAX_BATCH_BYTES
        ) {
          const next = this.#pending[this.#queuedFrom++]!;
          batch.push(next);
          bytes += next.rows.bytes;
        }
        const documents =
          batch.length === 1 ? batch[0]!.rows.documents : batch.flatMap((c) => c.rows.documents);
        const indexes =
          batch.length === 1 ? batch[0]!.rows.indexes : batch.flatMap((c) => c.rows.indexes);
        try {
          await this.#host.persistence.write({ documents, indexes });
        } catch (error) {
          const failure = this.#host.fail(error);
          for (const pending of this.#pending.splice(0)) pending.reject(failure);
          this.#queuedFrom = 0;
          return;
        }
        // Durable: publish in ts order.
        for (const commit of batch) {
          this.#pending.shift();
          this.#queuedFrom--;
          this.#host.publish(commit.ts, commit.rows);
          commit.resolve(commit.ts);
        }
      }
    } finally {
      this.#writing = false;
      if (this.#queuedFrom < this.#pending.length) this.#schedule();
      else for (const resolve of this.#idle.splice(0)) resolve();
    }
  }

  /** Resolves once every queued commit has been written (or failed). */
  drain(): Promise<void> {
    if (this.#pending.length === 0 && !this.#writing) return Promise.resolve();
    return new Promise((resolve) => this.#idle.push(resolve));
  }
}
