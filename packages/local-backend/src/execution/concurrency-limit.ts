/**
 * A counting semaphore with a FIFO queue: at most `limit` holders at once, and callers that
 * find it full wait in arrival order (no barging, so a steady stream cannot starve an early
 * waiter). Backs the `APPLICATION_MAX_CONCURRENT_*` settings, one instance per execution kind.
 *
 * @example
 * const queries = new ConcurrencyLimit(16);
 * const result = await queries.run(() => runQuery());
 */
export class ConcurrencyLimit {
  readonly limit: number;
  #active = 0;
  readonly #waiters: (() => void)[] = [];

  constructor(limit: number) {
    if (!Number.isInteger(limit) || limit < 1) throw new RangeError(`A concurrency limit must be a positive integer, got ${limit}.`);
    this.limit = limit;
  }

  /** Executions holding a slot. */
  get active(): number {
    return this.#active;
  }

  /** Executions waiting for a slot. */
  get waiting(): number {
    return this.#waiters.length;
  }

  /** Runs `work` once a slot is free, and frees the slot when it settles. */
  async run<TResult>(work: () => Promise<TResult>): Promise<TResult> {
    await this.#acquire();
    try {
      return await work();
    } finally {
      this.#release();
    }
  }

  #acquire(): Promise<void> {
    if (this.#active < this.limit) {
      this.#active += 1;
      return Promise.resolve();
    }
    // The slot passes straight from the releasing holder to the first waiter (`#active` stays).
    return new Promise((resolve) => this.#waiters.push(resolve));
  }

  #release(): void {
    const next = this.#waiters.shift();
    if (next !== undefined) next();
    else this.#active -= 1;
  }
}
