/**
 * Something that computes and sends its next Transition when asked.
 *
 * @internal
 * @example
 * ```ts
 * const target: Flushable = { flushNow: () => void session.flush() };
 * ```
 */
export interface Flushable {
  flushNow(): void;
}

/**
 * Batches flush requests: everything asked for before the next turn of the event loop runs in
 * one `setImmediate` callback. One commit marks every affected connection dirty synchronously;
 * they then all flush together at the same latest timestamp, so each shared query runs once for
 * all of them, and several commits that land in the same turn cost one Transition.
 *
 * @internal
 * @example
 * ```ts
 * const scheduler = new FlushScheduler();
 * scheduler.schedule(session);
 * ```
 */
export class FlushScheduler {
  #pending = new Set<Flushable>();
  #scheduled = false;

  /** Runs `target.flushNow()` on the next turn (once, however often it is asked). */
  schedule(target: Flushable): void {
    this.#pending.add(target);
    if (this.#scheduled) return;
    this.#scheduled = true;
    setImmediate(() => this.#run());
  }

  #run(): void {
    this.#scheduled = false;
    const batch = this.#pending;
    this.#pending = new Set();
    for (const target of batch) target.flushNow();
  }
}
