import { wallClockNs } from '../timestamp.ts';
import { makeTimestamp, type Timestamp } from '../timestamp.ts';

/**
 * Hands out commit timestamps: `max(last + 1, wall clock ns)` — strictly increasing, close to
 * wall time, and never below what was recovered at open (semantics §1.1).
 *
 * @internal
 * @example
 * ```ts
 * const clock = new CommitClock(recoveredMaxTs);
 * clock.next(); // > recoveredMaxTs
 * ```
 */
export class CommitClock {
  #last: bigint;
  readonly #now: () => bigint;

  constructor(last: bigint, now: () => bigint = wallClockNs) {
    this.#last = last;
    this.#now = now;
  }

  /** The last timestamp handed out (or recovered). */
  get last(): Timestamp {
    return this.#last as Timestamp;
  }

  next(): Timestamp {
    const now = this.#now();
    this.#last = now > this.#last ? now : this.#last + 1n;
    return makeTimestamp(this.#last);
  }
}
