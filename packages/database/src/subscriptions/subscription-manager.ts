import { findConflict, type WriteLog, type WriteLogEntry } from '../commit/write-log.ts';
import type { ReadSet } from '../transaction/read-set.ts';
import type { Timestamp } from '../timestamp.ts';
import { IntervalIndex } from './interval-index.ts';

/**
 * Why a subscription ended: a commit at `ts` wrote inside its read set, or its read set is older
 * than the write log (`outOfRetention`: re-run the query; never an error, semantics §12.22).
 *
 * @example
 * ```ts
 * db.subscribe(readSet, ts, (why) => rerun(why.ts));
 * ```
 */
export interface Invalidation {
  readonly ts: Timestamp;
  readonly reason: 'conflict' | 'outOfRetention';
}

/**
 * A live subscription; `unsubscribe()` is safe to call twice.
 *
 * @example
 * ```ts
 * const sub = db.subscribe(readSet, ts, onInvalidate);
 * sub.unsubscribe();
 * ```
 */
export interface Subscription {
  readonly active: boolean;
  unsubscribe(): void;
}

class SubscriptionImpl implements Subscription {
  active = true;
  readonly readSet: ReadSet;
  readonly #onInvalidate: (why: Invalidation) => void;
  readonly #manager: SubscriptionManager;

  constructor(
    manager: SubscriptionManager,
    readSet: ReadSet,
    onInvalidate: (why: Invalidation) => void,
  ) {
    this.#manager = manager;
    this.readSet = readSet;
    this.#onInvalidate = onInvalidate;
  }

  invalidate(why: Invalidation): void {
    if (!this.active) return;
    this.active = false;
    this.#manager.forget(this);
    this.#onInvalidate(why);
  }

  unsubscribe(): void {
    if (!this.active) return;
    this.active = false;
    this.#manager.forget(this);
  }
}

/**
 * Keeps every subscriber's read set in per-index interval indexes; each published commit is
 * checked key by key against them (index-range intersection, never "re-run everything";
 * semantics §1.5). A subscription fires at most once, then is gone.
 *
 * @internal
 * @example
 * ```ts
 * manager.subscribe(readSet, ts, cb);
 * manager.onCommit(entry);
 * ```
 */
export class SubscriptionManager {
  readonly #byIndex = new Map<number, IntervalIndex<SubscriptionImpl>>();
  readonly #writeLog: WriteLog;
  #count = 0;

  constructor(writeLog: WriteLog) {
    this.#writeLog = writeLog;
  }

  get size(): number {
    return this.#count;
  }

  subscribe(
    readSet: ReadSet,
    ts: Timestamp,
    onInvalidate: (why: Invalidation) => void,
  ): Subscription {
    const sub = new SubscriptionImpl(this, readSet, onInvalidate);
    this.#count++;
    // Commits published between the read and now are checked against the log first.
    let missed: Invalidation | null = null;
    if (ts < this.#writeLog.purgedThrough)
      missed = { ts: this.#writeLog.purgedThrough, reason: 'outOfRetention' };
    else {
      for (const entry of this.#writeLog.after(ts)) {
        if (findConflict(readSet, entry) !== null) {
          missed = { ts: entry.ts, reason: 'conflict' };
          break;
        }
      }
    }
    if (missed !== null) {
      const why = missed;
      queueMicrotask(() => sub.invalidate(why));
      return sub;
    }
    for (const indexId of readSet.indexIds()) {
      let index = this.#byIndex.get(indexId);
      if (index === undefined) {
        index = new IntervalIndex();
        this.#byIndex.set(indexId, index);
      }
      for (const interval of readSet.intervalsOf(indexId)) index.add(sub, interval);
    }
    return sub;
  }

  /** @internal */
  forget(sub: SubscriptionImpl): void {
    this.#count--;
    for (const indexId of sub.readSet.indexIds()) {
      const index = this.#byIndex.get(indexId);
      if (index === undefined) continue;
      index.remove(sub);
      if (index.size <= 0) this.#byIndex.delete(indexId);
    }
  }

  /** Fires the subscriptions a published commit intersects. */
  onCommit(entry: WriteLogEntry): void {
    const hit = new Set<SubscriptionImpl>();
    for (const [indexId, writes] of entry.writes) {
      const index = this.#byIndex.get(indexId);
      if (index === undefined) continue;
      for (const key of writes.keys) index.stab(key, (sub) => hit.add(sub));
    }
    const why: Invalidation = { ts: entry.ts, reason: 'conflict' };
    for (const sub of hit) sub.invalidate(why);
  }
}
