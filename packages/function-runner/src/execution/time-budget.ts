/**
 * The time a function may still use. Queries and mutations are limited in user time: only
 * the time spent inside the isolate counts, not the time the host spends on syscalls.
 * Actions are limited in wall time from their start.
 *
 * @example
 * ```ts
 * const budget = TimeBudget.userTime(1000);
 * const result = budget.track(() => context.resume(results, budget.remainingMs()));
 * ```
 * @internal
 */
export class TimeBudget {
  readonly limitMs: number;
  readonly #wallDeadline: number | null;
  #usedMs = 0;

  private constructor(limitMs: number, wallDeadline: number | null) {
    this.limitMs = limitMs;
    this.#wallDeadline = wallDeadline;
  }

  /** A budget of isolate time (queries, mutations). */
  static userTime(limitMs: number): TimeBudget {
    return new TimeBudget(limitMs, null);
  }

  /** A budget of wall time from now (actions). */
  static wallTime(limitMs: number): TimeBudget {
    return new TimeBudget(limitMs, performance.now() + limitMs);
  }

  /** Milliseconds spent inside the isolate so far. */
  get usedMs(): number {
    return this.#usedMs;
  }

  /** Milliseconds left for the next call into the isolate. */
  remainingMs(): number {
    if (this.#wallDeadline !== null) return this.#wallDeadline - performance.now();
    return this.limitMs - this.#usedMs;
  }

  /** Whether the budget is spent. */
  exhausted(): boolean {
    return this.remainingMs() <= 0;
  }

  /** Runs one call into the isolate and charges its duration. */
  track<TResult>(call: () => TResult): TResult {
    const started = performance.now();
    try {
      return call();
    } finally {
      this.#usedMs += performance.now() - started;
    }
  }
}
