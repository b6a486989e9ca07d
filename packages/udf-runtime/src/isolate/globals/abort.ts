import { defineGlobal } from '../define-global.ts';
import { DOMException } from './dom-exception.ts';
import { Event, EventTarget } from './event-target.ts';
import { scheduleTimer } from './timers.ts';

const CONSTRUCT = Symbol('construct');

/**
 * `AbortSignal`.
 *
 * @example
 * ```ts
 * const signal = AbortSignal.abort();
 * signal.aborted; // true
 * ```
 * @internal
 */
export class AbortSignal extends EventTarget {
  #aborted = false;
  #reason: unknown = undefined;
  onabort: ((event: Event) => void) | null = null;

  constructor(key: unknown) {
    super();
    if (key !== CONSTRUCT) throw new TypeError('Illegal constructor');
  }

  get aborted(): boolean {
    return this.#aborted;
  }

  get reason(): unknown {
    return this.#reason;
  }

  throwIfAborted(): void {
    if (this.#aborted) throw this.#reason;
  }

  /** @internal */
  abortWith(reason: unknown): void {
    if (this.#aborted) return;
    this.#aborted = true;
    this.#reason = reason === undefined ? new DOMException('This operation was aborted', 'AbortError') : reason;
    this.dispatchEvent(new Event('abort'));
  }

  static abort(reason?: unknown): AbortSignal {
    const signal = new AbortSignal(CONSTRUCT);
    signal.abortWith(reason);
    return signal;
  }

  /** @internal A signal that is never aborted (for requests without one). */
  static never(): AbortSignal {
    return new AbortSignal(CONSTRUCT);
  }

  static timeout(ms: number): AbortSignal {
    const signal = new AbortSignal(CONSTRUCT);
    scheduleTimer({
      callback: () => signal.abortWith(new DOMException('The operation timed out.', 'TimeoutError')),
      delayMs: ms,
      intervalMs: null,
      name: 'AbortSignal.timeout',
    });
    return signal;
  }

  static any(signals: Iterable<AbortSignal>): AbortSignal {
    const combined = new AbortSignal(CONSTRUCT);
    for (const signal of signals) {
      if (signal.aborted) {
        combined.abortWith(signal.reason);
        return combined;
      }
      signal.addEventListener('abort', () => combined.abortWith(signal.reason));
    }
    return combined;
  }

  override get [Symbol.toStringTag](): string {
    return 'AbortSignal';
  }
}

/**
 * Installs `AbortController` and `AbortSignal`.
 *
 * @example
 * ```ts
 * installAbort();
 * const controller = new AbortController();
 * controller.abort();
 * ```
 * @internal
 */
export function installAbort(): void {
  class AbortController {
    readonly #signal = new AbortSignal(CONSTRUCT);
    get signal(): AbortSignal {
      return this.#signal;
    }
    abort(reason?: unknown): void {
      this.#signal.abortWith(reason);
    }
    get [Symbol.toStringTag](): string {
      return 'AbortController';
    }
  }
  defineGlobal('AbortController', AbortController);
  defineGlobal('AbortSignal', AbortSignal);
}
