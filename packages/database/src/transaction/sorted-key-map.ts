import type { IndexKey } from '../keys/index-key.ts';

/**
 * A map from index keys to values that can be walked in key order from any bound: a hash map
 * plus a sorted key array kept by binary insertion (a transaction has at most 16,000 writes).
 *
 * @internal
 * @example
 * ```ts
 * const map = new SortedKeyMap<Doc | null>();
 * map.set(key, doc);
 * map.first(start, end, 'asc'); // [key, doc] | undefined
 * ```
 */
export class SortedKeyMap<TValue> {
  readonly #values = new Map<IndexKey, TValue>();
  readonly #keys: IndexKey[] = [];

  get size(): number {
    return this.#keys.length;
  }

  get(key: IndexKey): TValue | undefined {
    return this.#values.get(key);
  }

  has(key: IndexKey): boolean {
    return this.#values.has(key);
  }

  set(key: IndexKey, value: TValue): void {
    if (!this.#values.has(key)) this.#keys.splice(this.#lowerBound(key), 0, key);
    this.#values.set(key, value);
  }

  /** Index of the first key ≥ `key`. */
  #lowerBound(key: IndexKey): number {
    const keys = this.#keys;
    let lo = 0;
    let hi = keys.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (keys[mid]! < key) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** The first entry with start ≤ key < end in `order`, or undefined. */
  first(start: IndexKey, end: IndexKey, order: 'asc' | 'desc'): [IndexKey, TValue] | undefined {
    const keys = this.#keys;
    const i = order === 'asc' ? this.#lowerBound(start) : this.#lowerBound(end) - 1;
    const key = keys[i];
    if (key === undefined || key < start || key >= end) return undefined;
    return [key, this.#values.get(key)!];
  }
}
