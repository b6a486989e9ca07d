/**
 * The host operations of an action that are running concurrently, and the results that
 * came back since the isolate was last resumed.
 *
 * @example
 * ```ts
 * const inFlight = new InFlightOps();
 * inFlight.add(dispatcher.perform(op));
 * await inFlight.waitForAny(null, deadline);
 * context.resume(inFlight.takeCompleted(), budget.remainingMs());
 * ```
 * @internal
 */
export class InFlightOps {
  #completed: string[] = [];
  #running = 0;
  #wake: (() => void) | null = null;

  /** Operations still running. */
  get running(): number {
    return this.#running;
  }

  /** Whether results are waiting to be delivered. */
  get hasCompleted(): boolean {
    return this.#completed.length > 0;
  }

  /** Tracks one operation (its promise must not reject). */
  add(result: Promise<string>): void {
    this.#running++;
    void result.then((encoded) => {
      this.#running--;
      this.#completed.push(encoded);
      this.#wake?.();
    });
  }

  /** Results since the last call, as one op-results string. */
  takeCompleted(): string {
    const joined = this.#completed.join('');
    this.#completed = [];
    return joined;
  }

  /**
   * Waits until an operation completes, a timer is due (`timerDue`, epoch ms) or the
   * deadline (`performance.now()` ms) passes.
   */
  async waitForAny(timerDue: number | null, deadline: number | null): Promise<'ops' | 'timer' | 'deadline'> {
    if (this.#completed.length > 0) return 'ops';
    const timerIn = timerDue === null ? null : Math.max(0, timerDue - Date.now());
    const deadlineIn = deadline === null ? null : Math.max(0, deadline - performance.now());
    return await new Promise<'ops' | 'timer' | 'deadline'>((resolve) => {
      const handles: ReturnType<typeof setTimeout>[] = [];
      const finish = (reason: 'ops' | 'timer' | 'deadline'): void => {
        for (const handle of handles) clearTimeout(handle);
        this.#wake = null;
        resolve(reason);
      };
      this.#wake = () => finish('ops');
      if (timerIn !== null) handles.push(setTimeout(() => finish('timer'), timerIn));
      if (deadlineIn !== null) handles.push(setTimeout(() => finish('deadline'), deadlineIn));
    });
  }
}
