import type { IndexKey } from './index-key.ts';

/**
 * A half-open key interval `[start, end)`.
 *
 * @example
 * ```ts
 * const all: KeyInterval = { start: KEY_MIN, end: KEY_MAX };
 * ```
 */
export interface KeyInterval {
  readonly start: IndexKey;
  readonly end: IndexKey;
}

/**
 * A set of disjoint, non-adjacent key intervals kept sorted: adding an interval merges it with
 * every interval it overlaps or touches, so the count is the number of merged intervals (the
 * 4,096-interval read limit counts these, semantics §1.3).
 *
 * @example
 * ```ts
 * const set = new IntervalSet();
 * set.add({ start: a, end: b });
 * set.contains(k);
 * ```
 */
export class IntervalSet {
  // Parallel sorted arrays: starts[i] < ends[i] ≤ starts[i + 1].
  #starts: IndexKey[] = [];
  #ends: IndexKey[] = [];

  /** Number of disjoint intervals. */
  get size(): number {
    return this.#starts.length;
  }

  /** Adds `[start, end)`; empty intervals are ignored. */
  add(interval: KeyInterval): void {
    let { start, end } = interval;
    if (!(start < end)) return;
    const starts = this.#starts;
    const ends = this.#ends;
    // First interval whose end ≥ start (it overlaps or touches, or lies after).
    let lo = 0;
    let hi = starts.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (ends[mid]! < start) lo = mid + 1;
      else hi = mid;
    }
    let last = lo;
    while (last < starts.length && starts[last]! <= end) last++;
    if (last > lo) {
      if (starts[lo]! < start) start = starts[lo]!;
      if (ends[last - 1]! > end) end = ends[last - 1]!;
    }
    starts.splice(lo, last - lo, start);
    ends.splice(lo, last - lo, end);
  }

  /** Whether `key` lies in one of the intervals. */
  contains(key: IndexKey): boolean {
    const starts = this.#starts;
    let lo = 0;
    let hi = starts.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (starts[mid]! <= key) lo = mid + 1;
      else hi = mid;
    }
    return lo > 0 && key < this.#ends[lo - 1]!;
  }

  /** The intervals, in order. */
  intervals(): KeyInterval[] {
    return this.#starts.map((start, i) => ({ start, end: this.#ends[i]! }));
  }

  /** A copy. */
  clone(): IntervalSet {
    const copy = new IntervalSet();
    copy.#starts = [...this.#starts];
    copy.#ends = [...this.#ends];
    return copy;
  }
}
