import { FunctionRunnerError } from '../errors/function-runner-error.ts';
import { IsolateSlot, type SlotShared } from './isolate-slot.ts';

/**
 * Sizing of one deployment's isolate pool.
 *
 * @example
 * ```ts
 * const options: IsolatePoolOptions = { minIsolates: 2, maxIsolates: 16, leaseTimeoutMs: 5000 };
 * ```
 */
export interface IsolatePoolOptions {
  /** Isolates kept warm even when idle. */
  readonly minIsolates: number;
  /** Upper bound of isolates (each runs one top-level execution at a time). */
  readonly maxIsolates: number;
  /** How long a request waits for a free isolate before failing with `OVERLOADED`. */
  readonly leaseTimeoutMs: number;
}

interface Waiter {
  readonly resolve: (slot: IsolateSlot) => void;
  readonly reject: (error: unknown) => void;
  readonly timer: ReturnType<typeof setTimeout>;
}

/**
 * The isolates of one deployment. A request leases an idle isolate (one with a prepared
 * context when possible), grows the pool up to `maxIsolates`, or waits. A released isolate
 * that hit a limit is disposed and replaced; a healthy one prepares its next contexts.
 *
 * @example
 * ```ts
 * const pool = new IsolatePool(shared, { minIsolates: 2, maxIsolates: 8, leaseTimeoutMs: 5000 });
 * const slot = await pool.lease();
 * try { … } finally { pool.release(slot); }
 * ```
 * @internal
 */
export class IsolatePool {
  readonly #shared: SlotShared;
  readonly #options: IsolatePoolOptions;
  readonly #slots: IsolateSlot[] = [];
  readonly #waiters: Waiter[] = [];
  #stopped = false;

  constructor(shared: SlotShared, options: IsolatePoolOptions) {
    this.#shared = shared;
    this.#options = options;
    for (let i = 0; i < options.minIsolates; i++) this.#addSlot().refill();
  }

  /** Isolates alive, for metrics and tests. */
  get slots(): readonly IsolateSlot[] {
    return this.#slots;
  }

  get size(): number {
    return this.#slots.length;
  }

  /**
   * Leases an idle isolate, waiting up to `leaseTimeoutMs` when all are busy; preferably one
   * that keeps a context under `keptKey` (see `keptContextKey`).
   */
  lease(keptKey?: string): Promise<IsolateSlot> {
    if (this.#stopped) return Promise.reject(new FunctionRunnerError('STOPPED', 'The deployment was stopped'));
    const slot = this.#tryLease(keptKey);
    if (slot !== null) return Promise.resolve(slot);
    return new Promise<IsolateSlot>((resolve, reject) => {
      const timer = setTimeout(() => {
        const index = this.#waiters.findIndex((waiter) => waiter.timer === timer);
        if (index >= 0) this.#waiters.splice(index, 1);
        reject(new FunctionRunnerError('OVERLOADED', `No isolate became free within ${this.#options.leaseTimeoutMs} ms`));
      }, this.#options.leaseTimeoutMs);
      this.#waiters.push({ resolve, reject, timer });
    });
  }

  /**
   * Returns an isolate. A healthy one is free again at once (a request that comes right
   * after, as back-to-back requests do, can use its remaining prepared contexts instead of
   * growing the pool); the bookkeeping (health check, replacement, preparing the next
   * contexts) runs after the current task, so it never delays the caller's response.
   */
  release(slot: IsolateSlot): void {
    slot.leased = false;
    if (this.#stopped) {
      slot.dispose();
      return;
    }
    if (slot.healthy && this.#waiters.length > 0) {
      this.#handOver(slot);
      return;
    }
    setImmediate(() => this.#afterRelease(slot));
  }

  #afterRelease(slot: IsolateSlot): void {
    // Leased again meanwhile: its next release checks it.
    if (slot.leased || this.#stopped) return;
    if (slot.healthy && slot.wornOut()) slot.poison();
    if (!slot.healthy) {
      this.#remove(slot);
      slot.dispose();
      if (this.#slots.length < this.#options.minIsolates || this.#waiters.length > 0) {
        // A new isolate takes a few milliseconds to start: not on the caller's path.
        setImmediate(() => {
          if (this.#stopped) return;
          if (this.#slots.length < this.#options.minIsolates || this.#waiters.length > 0) {
            const fresh = this.#addSlot();
            this.#handOver(fresh);
            fresh.refill();
          }
        });
      }
      return;
    }
    this.#handOver(slot);
  }

  /** Disposes every isolate; pending and later leases fail with `STOPPED`. */
  stop(): void {
    this.#stopped = true;
    for (const waiter of this.#waiters.splice(0)) {
      clearTimeout(waiter.timer);
      waiter.reject(new FunctionRunnerError('STOPPED', 'The deployment was stopped'));
    }
    for (const slot of this.#slots.splice(0)) if (!slot.leased) slot.dispose();
  }

  #handOver(slot: IsolateSlot): void {
    const waiter = this.#waiters.shift();
    if (waiter !== undefined) {
      clearTimeout(waiter.timer);
      slot.leased = true;
      waiter.resolve(slot);
      return;
    }
    slot.refill();
  }

  #tryLease(keptKey?: string): IsolateSlot | null {
    // Prefer an isolate that kept a context for this call, then one with a prepared context
    // that is not busy preparing more: a call into an isolate waits for whatever runs in it on
    // isolated-vm's threads.
    let best: IsolateSlot | null = null;
    let bestScore = -1;
    for (const slot of this.#slots) {
      if (slot.leased || !slot.healthy) continue;
      const score = (keptKey !== undefined && slot.keeps(keptKey) ? 4 : 0) + (slot.readyCount > 0 ? 2 : 0) + (slot.refilling ? 0 : 1);
      if (score > bestScore) {
        best = slot;
        bestScore = score;
      }
    }
    if (best === null && this.#slots.length < this.#options.maxIsolates) best = this.#addSlot();
    if (best !== null) best.leased = true;
    return best;
  }

  #addSlot(): IsolateSlot {
    const slot = new IsolateSlot(this.#shared);
    this.#slots.push(slot);
    return slot;
  }

  #remove(slot: IsolateSlot): void {
    const index = this.#slots.indexOf(slot);
    if (index >= 0) this.#slots.splice(index, 1);
  }
}
