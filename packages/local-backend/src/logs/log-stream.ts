/** One entry with the cursor it was stored under. */
export interface CursoredEntry<TEntry> {
  readonly cursor: number;
  readonly entry: TEntry;
}

/** A page of entries after a cursor, and the cursor to ask with next. */
export interface LogPage<TEntry> {
  readonly entries: readonly TEntry[];
  readonly newCursor: number;
}

/**
 * A bounded, in-memory stream of log entries for `GET /api/stream_function_logs`: the newest
 * `capacity` entries, each under a strictly increasing cursor close to wall-clock
 * milliseconds (as the reference uses), with long-poll waiting for new ones.
 *
 * @example
 * const logs = new LogStream<string>(4096);
 * logs.append('hello');
 * await logs.after(0, 60_000); // { entries: ['hello'], newCursor: … }
 */
export class LogStream<TEntry> {
  readonly #capacity: number;
  readonly #entries: CursoredEntry<TEntry>[] = [];
  /** Entries before this index are dropped; they are cut off in batches (appends stay O(1)). */
  #start = 0;
  #lastCursor = 0;
  #waiters = new Set<() => void>();
  readonly #now: () => number;

  constructor(capacity: number, now: () => number = Date.now) {
    this.#capacity = capacity;
    this.#now = now;
  }

  /** The cursor of the newest entry (0 when empty). */
  get head(): number {
    return this.#lastCursor;
  }

  append(entry: TEntry): number {
    const cursor = Math.max(this.#lastCursor + 1, this.#now());
    this.#lastCursor = cursor;
    this.#entries.push({ cursor, entry });
    if (this.#entries.length - this.#start > this.#capacity) this.#start = this.#entries.length - this.#capacity;
    if (this.#start >= this.#capacity) {
      this.#entries.splice(0, this.#start);
      this.#start = 0;
    }
    for (const wake of this.#waiters) wake();
    this.#waiters.clear();
    return cursor;
  }

  /** Entries stored after `cursor`, oldest first (no waiting). */
  since(cursor: number): LogPage<TEntry> {
    const start = this.#firstIndexAfter(cursor);
    const page = this.#entries.slice(start);
    return { entries: page.map((item) => item.entry), newCursor: page.at(-1)?.cursor ?? Math.max(cursor, 0) };
  }

  /**
   * Entries after `cursor`; when there are none yet, waits up to `waitMs` for some (long poll).
   * `signal` ends the wait early (client went away, server stopping).
   */
  async after(cursor: number, waitMs: number, signal?: AbortSignal): Promise<LogPage<TEntry>> {
    const ready = this.since(cursor);
    if (ready.entries.length > 0 || waitMs <= 0) return ready;
    await new Promise<void>((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.#waiters.delete(done);
        signal?.removeEventListener('abort', done);
        resolve();
      };
      const timer = setTimeout(done, waitMs);
      this.#waiters.add(done);
      signal?.addEventListener('abort', done);
    });
    return this.since(cursor);
  }

  #firstIndexAfter(cursor: number): number {
    let low = this.#start;
    let high = this.#entries.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (this.#entries[mid]!.cursor <= cursor) low = mid + 1;
      else high = mid;
    }
    return low;
  }
}
