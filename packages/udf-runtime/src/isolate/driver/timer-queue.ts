import { hostReport, isHostReachable } from '../host.ts';

interface Timer {
  readonly id: number;
  due: number;
  readonly callback: () => void;
  readonly intervalMs: number | null;
}

/**
 * The timers of an action (`setTimeout`/`setInterval`). The host sleeps until the earliest
 * due time (reported to it with `report('timer', dueMs)` whenever it changes) and then asks
 * the driver to fire what is due.
 *
 * @example
 * ```ts
 * const timers = new TimerQueue();
 * timers.add({ callback: () => console.log('tick'), delayMs: 10, intervalMs: null, nowMs: Date.now() });
 * timers.nextDue(); // now + 10
 * ```
 * @internal
 */
export class TimerQueue {
  #nextId = 1;
  readonly #timers = new Map<number, Timer>();
  #reportedDue: number | null = null;

  /** Schedules `callback` after `delayMs` (repeating every `intervalMs` when not null). */
  add(timer: { readonly callback: () => void; readonly delayMs: number; readonly intervalMs: number | null; readonly nowMs: number }): number {
    const id = this.#nextId++;
    this.#timers.set(id, { id, due: timer.nowMs + Math.max(0, timer.delayMs), callback: timer.callback, intervalMs: timer.intervalMs });
    this.#reportNextDue();
    return id;
  }

  /** Cancels a timer; unknown ids are ignored. */
  clear(id: unknown): void {
    if (typeof id === 'number' && this.#timers.delete(id)) this.#reportNextDue();
  }

  /** Due time of the earliest timer, or `null` when none is scheduled. */
  nextDue(): number | null {
    let earliest: number | null = null;
    for (const timer of this.#timers.values()) {
      if (earliest === null || timer.due < earliest) earliest = timer.due;
    }
    return earliest;
  }

  /** Runs every timer due at `nowMs`, in due order. Errors escape to the caller. */
  runDue(nowMs: number): void {
    const due = [...this.#timers.values()].filter((timer) => timer.due <= nowMs).sort((a, b) => a.due - b.due || a.id - b.id);
    try {
      for (const timer of due) {
        if (!this.#timers.has(timer.id)) continue;
        if (timer.intervalMs === null) this.#timers.delete(timer.id);
        else timer.due = nowMs + Math.max(1, timer.intervalMs);
        timer.callback();
      }
    } finally {
      this.#reportNextDue();
    }
  }

  #reportNextDue(): void {
    const due = this.nextDue();
    if (due === this.#reportedDue || !isHostReachable()) return;
    this.#reportedDue = due;
    hostReport('timer', due);
  }
}
