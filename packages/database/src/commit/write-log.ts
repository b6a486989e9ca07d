import type { DocumentId } from '@selfhost/values';
import type { IndexKey } from '../keys/index-key.ts';
import type { ReadSet } from '../transaction/read-set.ts';
import type { Snapshot } from '../transaction/snapshot.ts';
import type { Timestamp } from '../timestamp.ts';

/**
 * The index keys one commit wrote in one index (old and new keys), with the document of each.
 *
 * @example
 * ```ts
 * const w: IndexWrites = { keys: [k1, k2], documentIds: [id, id] };
 * ```
 */
export interface IndexWrites {
  readonly keys: readonly IndexKey[];
  readonly documentIds: readonly DocumentId[];
}

/**
 * One commit in the write log (semantics §1.5).
 *
 * @example
 * ```ts
 * db.onCommit((entry) => console.log(entry.ts, entry.tablesWritten));
 * ```
 */
export interface WriteLogEntry {
  readonly ts: Timestamp;
  /** Index id → keys written. */
  readonly writes: ReadonlyMap<number, IndexWrites>;
  /** Table numbers written. */
  readonly tablesWritten: ReadonlySet<number>;
  /** The snapshot published by this commit. */
  readonly snapshot: Snapshot;
  /** Approximate memory held. */
  readonly bytes: number;
}

/**
 * A write that overlaps a read set.
 *
 * @example
 * ```ts
 * const c = findConflict(readSet, entry);
 * ```
 */
export interface Conflict {
  readonly ts: Timestamp;
  readonly indexId: number;
  readonly documentId: DocumentId;
}

/**
 * The first write of `entry` that lies inside `readSet`, or null.
 *
 * @internal
 * @example
 * ```ts
 * if (findConflict(readSet, entry)) invalidate();
 * ```
 */
export function findConflict(
  readSet: ReadSet,
  entry: Pick<WriteLogEntry, 'ts' | 'writes'>,
): Conflict | null {
  for (const [indexId, writes] of entry.writes) {
    if (!readSet.touches(indexId)) continue;
    for (let i = 0; i < writes.keys.length; i++) {
      if (readSet.contains(indexId, writes.keys[i]!))
        return { ts: entry.ts, indexId, documentId: writes.documentIds[i]! };
    }
  }
  return null;
}

/**
 * How long the write log keeps commits.
 *
 * @example
 * ```ts
 * const retention: WriteLogRetention = { minAgeMs: 30_000, maxAgeMs: 300_000, maxBytes: 50 << 20 };
 * ```
 */
export interface WriteLogRetention {
  /** Keep at least this long, even above maxBytes. */
  readonly minAgeMs: number;
  /** Keep at most this long. */
  readonly maxAgeMs: number;
  /** Soft memory bound. */
  readonly maxBytes: number;
}

/**
 * The bounded in-memory log of recent commits and their write sets. Read sets older than
 * `purgedThrough` can no longer be validated (commits get `OutOfRetention`, subscriptions are
 * invalidated).
 *
 * @internal
 * @example
 * ```ts
 * log.append(entry);
 * for (const e of log.after(ts)) …
 * ```
 */
export class WriteLog {
  readonly #entries: WriteLogEntry[] = [];
  #head = 0;
  #bytes = 0;
  #purgedThrough: Timestamp;
  #base: Snapshot;
  readonly #retention: WriteLogRetention;

  constructor(start: Snapshot, retention: WriteLogRetention) {
    this.#purgedThrough = start.ts;
    this.#base = start;
    this.#retention = retention;
  }

  /** Read sets at a ts below this cannot be validated. */
  get purgedThrough(): Timestamp {
    return this.#purgedThrough;
  }

  append(entry: WriteLogEntry, nowNs: bigint): void {
    this.#entries.push(entry);
    this.#bytes += entry.bytes;
    const maxAge = BigInt(this.#retention.maxAgeMs) * 1_000_000n;
    const minAge = BigInt(this.#retention.minAgeMs) * 1_000_000n;
    while (this.#head < this.#entries.length - 1) {
      const oldest = this.#entries[this.#head]!;
      const age = nowNs - oldest.ts;
      if (!(age > maxAge || (this.#bytes > this.#retention.maxBytes && age > minAge))) break;
      this.#bytes -= oldest.bytes;
      this.#purgedThrough = oldest.ts;
      this.#base = oldest.snapshot;
      this.#head++;
    }
    if (this.#head > 1024 && this.#head * 2 > this.#entries.length) {
      this.#entries.splice(0, this.#head);
      this.#head = 0;
    }
  }

  /** Entries with ts > `ts`, oldest first. */
  *after(ts: bigint): Generator<WriteLogEntry> {
    let lo = this.#head;
    let hi = this.#entries.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.#entries[mid]!.ts <= ts) lo = mid + 1;
      else hi = mid;
    }
    for (let i = lo; i < this.#entries.length; i++) yield this.#entries[i]!;
  }

  /** The snapshot in force at `ts` (null if `ts` is older than the log). */
  snapshotAt(ts: bigint): Snapshot | null {
    if (ts < this.#purgedThrough) return null;
    for (let i = this.#entries.length - 1; i >= this.#head; i--) {
      if (this.#entries[i]!.ts <= ts) return this.#entries[i]!.snapshot;
    }
    return this.#base;
  }
}
