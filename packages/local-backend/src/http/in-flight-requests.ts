/**
 * Counts the requests a server is answering, so that shutdown can wait for them (bounded)
 * after it stopped accepting new connections.
 *
 * @example
 * const inFlight = new InFlightRequests();
 * inFlight.started();
 * inFlight.finished();
 * await inFlight.drained(5_000); // resolves at once: nothing in flight
 */
export class InFlightRequests {
  #count = 0;
  #waiters: (() => void)[] = [];

  get count(): number {
    return this.#count;
  }

  started(): void {
    this.#count += 1;
  }

  finished(): void {
    this.#count -= 1;
    if (this.#count === 0) for (const wake of this.#waiters.splice(0)) wake();
  }

  /** Resolves when nothing is in flight, or after `timeoutMs`, whichever comes first. */
  drained(timeoutMs: number): Promise<void> {
    if (this.#count === 0 || timeoutMs <= 0) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, timeoutMs);
      this.#waiters.push(() => {
        clearTimeout(timer);
        resolve();
      });
    });
  }
}
