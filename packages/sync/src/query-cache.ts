import { CachedQuery, type CachedQueryRuntime } from './cached-query.ts';
import { type QueryRequest } from './sync-host.ts';

/**
 * All shared queries by key (semantics §1.6): identical subscriptions on any number of
 * connections use one {@link CachedQuery}, so a commit re-runs each affected query once and its
 * result is encoded once. Queries nobody listens to any more stay for a while (least recently
 * released first out, bounded by approximate bytes) and are refreshed through the write log
 * when asked for again.
 *
 * @internal
 * @example
 * ```ts
 * const cache = new QueryCache({ database, run, onExecute }, 32 << 20);
 * const entry = cache.acquire(key, request, listener);
 * cache.release(entry, listener);
 * ```
 */
export class QueryCache {
  readonly #runtime: CachedQueryRuntime;
  readonly #maxIdleBytes: number;
  readonly #entries = new Map<string, CachedQuery>();
  /** Entries without listeners, oldest release first, with the size counted when idled. */
  readonly #idle = new Map<CachedQuery, number>();
  #idleBytes = 0;

  constructor(runtime: CachedQueryRuntime, maxIdleBytes: number) {
    this.#runtime = runtime;
    this.#maxIdleBytes = maxIdleBytes;
  }

  /** Number of entries (live and idle). */
  get size(): number {
    return this.#entries.size;
  }

  /** Number of entries nobody listens to. */
  get idleCount(): number {
    return this.#idle.size;
  }

  /** The entry for `key` (made from `request` if new), with `listener` added. */
  acquire(key: string, request: QueryRequest, listener: () => void): CachedQuery {
    let entry = this.#entries.get(key);
    if (entry === undefined) {
      entry = new CachedQuery(key, request, this.#runtime);
      this.#entries.set(key, entry);
    } else {
      const size = this.#idle.get(entry);
      if (size !== undefined) {
        this.#idle.delete(entry);
        this.#idleBytes -= size;
      }
    }
    entry.addListener(listener);
    return entry;
  }

  /** Removes `listener`; an entry left without listeners is kept idle if it holds a result. */
  release(entry: CachedQuery, listener: () => void): void {
    entry.removeListener(listener);
    if (entry.listenerCount > 0 || this.#entries.get(entry.key) !== entry) return;
    if (!entry.hasResult || this.#maxIdleBytes <= 0) {
      this.#entries.delete(entry.key);
      return;
    }
    const size = entry.byteSize;
    this.#idle.set(entry, size);
    this.#idleBytes += size;
    for (const [oldest, oldestSize] of this.#idle) {
      if (this.#idleBytes <= this.#maxIdleBytes) break;
      this.#idle.delete(oldest);
      this.#idleBytes -= oldestSize;
      this.#entries.delete(oldest.key);
    }
  }

  /** Every result becomes invalid; idle ones are dropped, live ones tell their listeners. */
  invalidateAll(): void {
    for (const entry of this.#idle.keys()) this.#entries.delete(entry.key);
    this.#idle.clear();
    this.#idleBytes = 0;
    for (const entry of this.#entries.values()) entry.invalidate();
  }
}
