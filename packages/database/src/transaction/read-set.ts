import { IntervalSet, type KeyInterval } from '../keys/interval-set.ts';
import type { IndexKey } from '../keys/index-key.ts';

/**
 * What a transaction read: per index id, the merged key intervals it depends on (semantics §1.3).
 * A commit conflicts with it when it writes a key (old or new) inside one of them. Frozen once
 * the transaction ends; then it can be subscribed to.
 *
 * @example
 * ```ts
 * const readSet = tx.readSet;
 * db.subscribe(readSet, tx.snapshotTs, () => rerun());
 * ```
 */
export class ReadSet {
  readonly #byIndex = new Map<number, IntervalSet>();
  #intervals = 0;
  #frozen = false;

  /** Records `interval` of index `indexId`. Returns the new number of merged intervals. */
  add(indexId: number, interval: KeyInterval): number {
    if (this.#frozen) throw new Error('Assertion failed: a frozen read set was modified');
    if (!(interval.start < interval.end)) return this.#intervals;
    let set = this.#byIndex.get(indexId);
    if (set === undefined) {
      set = new IntervalSet();
      this.#byIndex.set(indexId, set);
    }
    const before = set.size;
    set.add(interval);
    this.#intervals += set.size - before;
    return this.#intervals;
  }

  /** Number of merged intervals over all indexes. */
  get intervalCount(): number {
    return this.#intervals;
  }

  /** Whether `key` of `indexId` was read. */
  contains(indexId: number, key: IndexKey): boolean {
    return this.#byIndex.get(indexId)?.contains(key) ?? false;
  }

  /** Whether anything of `indexId` was read. */
  touches(indexId: number): boolean {
    return this.#byIndex.has(indexId);
  }

  /** Index ids with reads. */
  indexIds(): IterableIterator<number> {
    return this.#byIndex.keys();
  }

  /** The intervals of one index. */
  intervalsOf(indexId: number): KeyInterval[] {
    return this.#byIndex.get(indexId)?.intervals() ?? [];
  }

  /** Stops further changes (done when the transaction ends). */
  freeze(): this {
    this.#frozen = true;
    return this;
  }

  get frozen(): boolean {
    return this.#frozen;
  }

  /** A mutable copy (checkpoints, merging a nested transaction's reads). */
  clone(): ReadSet {
    const copy = new ReadSet();
    for (const [indexId, set] of this.#byIndex) copy.#byIndex.set(indexId, set.clone());
    copy.#intervals = this.#intervals;
    return copy;
  }
}
