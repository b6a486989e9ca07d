import type { IndexKey } from '../keys/index-key.ts';
import type { KeyInterval } from '../keys/interval-set.ts';

interface Entry<TOwner> {
  readonly start: IndexKey;
  readonly end: IndexKey;
  readonly owner: TOwner;
}

const BLOCK = 32;

/**
 * Intervals of many owners (subscriptions) with stabbing queries: which owners have an interval
 * containing a key. Sorted by start and rebuilt lazily after changes; blocks of 32 remember their
 * largest end so a query skips blocks that end before the key.
 *
 * @internal
 * @example
 * ```ts
 * index.add(sub, { start, end });
 * index.stab(key, (owner) => hits.add(owner));
 * ```
 */
export class IntervalIndex<TOwner> {
  #entries: Entry<TOwner>[] = [];
  #blockMaxEnd: IndexKey[] = [];
  #dirty = false;
  #removed = new Set<TOwner>();

  get size(): number {
    return this.#entries.length - this.#removed.size;
  }

  add(owner: TOwner, interval: KeyInterval): void {
    this.#entries.push({ start: interval.start, end: interval.end, owner });
    this.#dirty = true;
  }

  /** Removes every interval of `owner` (lazily). */
  remove(owner: TOwner): void {
    this.#removed.add(owner);
    this.#dirty = true;
  }

  #rebuild(): void {
    const removed = this.#removed;
    const entries =
      removed.size === 0 ? this.#entries : this.#entries.filter((e) => !removed.has(e.owner));
    entries.sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0));
    this.#entries = entries;
    this.#removed = new Set();
    this.#blockMaxEnd = [];
    for (let b = 0; b < entries.length; b += BLOCK) {
      let max = entries[b]!.end;
      for (let i = b + 1; i < Math.min(entries.length, b + BLOCK); i++)
        if (entries[i]!.end > max) max = entries[i]!.end;
      this.#blockMaxEnd.push(max);
    }
    this.#dirty = false;
  }

  /** Calls `visit` for each owner with an interval containing `key` (possibly more than once). */
  stab(key: IndexKey, visit: (owner: TOwner) => void): void {
    if (this.#dirty) this.#rebuild();
    const entries = this.#entries;
    let lo = 0;
    let hi = entries.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (entries[mid]!.start <= key) lo = mid + 1;
      else hi = mid;
    }
    // Candidates are entries[0 … lo): start ≤ key.
    for (let b = 0; b * BLOCK < lo; b++) {
      if (this.#blockMaxEnd[b]! <= key) continue;
      const stop = Math.min(lo, (b + 1) * BLOCK);
      for (let i = b * BLOCK; i < stop; i++) if (entries[i]!.end > key) visit(entries[i]!.owner);
    }
  }
}
