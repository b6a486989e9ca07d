import { defineGlobal } from '../define-global.ts';
import { toDomString } from './to-dom-string.ts';

type Listener = ((event: Event) => void) | { handleEvent(event: Event): void };

/**
 * `Event`: type, cancelation and propagation flags (no DOM tree, so no bubbling).
 *
 * @example
 * ```ts
 * const event = new Event('abort');
 * ```
 * @internal
 */
export class Event {
  readonly type: string;
  readonly bubbles: boolean;
  readonly cancelable: boolean;
  readonly composed: boolean;
  readonly timeStamp: number;
  #defaultPrevented = false;
  #stopped = false;
  target: unknown = null;
  currentTarget: unknown = null;
  constructor(type: string, init: { bubbles?: boolean; cancelable?: boolean; composed?: boolean } = {}) {
    if (arguments.length === 0) throw new TypeError("Failed to construct 'Event': 1 argument required, but only 0 present.");
    this.type = toDomString(type);
    this.bubbles = Boolean(init.bubbles);
    this.cancelable = Boolean(init.cancelable);
    this.composed = Boolean(init.composed);
    this.timeStamp = Date.now();
  }
  get defaultPrevented(): boolean {
    return this.#defaultPrevented;
  }
  preventDefault(): void {
    if (this.cancelable) this.#defaultPrevented = true;
  }
  stopPropagation(): void {
    this.#stopped = true;
  }
  stopImmediatePropagation(): void {
    this.#stopped = true;
  }
  /** @internal */
  get stopped(): boolean {
    return this.#stopped;
  }
  get [Symbol.toStringTag](): string {
    return 'Event';
  }
}

/**
 * `EventTarget`: listeners by type, with `once` and `signal` options.
 *
 * @example
 * ```ts
 * const target = new EventTarget();
 * target.addEventListener('x', () => console.log('x'));
 * target.dispatchEvent(new Event('x'));
 * ```
 * @internal
 */
export class EventTarget {
  readonly #listeners = new Map<string, { listener: Listener; once: boolean }[]>();

  addEventListener(type: string, listener: Listener | null, options?: boolean | { once?: boolean; signal?: { aborted: boolean; addEventListener(type: string, fn: () => void): void } }): void {
    if (listener === null || listener === undefined) return;
    const once = typeof options === 'object' && options !== null && Boolean(options.once);
    const signal = typeof options === 'object' && options !== null ? options.signal : undefined;
    if (signal?.aborted === true) return;
    const list = this.#listeners.get(type) ?? [];
    if (list.some((entry) => entry.listener === listener)) return;
    list.push({ listener, once });
    this.#listeners.set(type, list);
    signal?.addEventListener('abort', () => this.removeEventListener(type, listener));
  }

  removeEventListener(type: string, listener: Listener | null): void {
    const list = this.#listeners.get(type);
    if (list === undefined) return;
    this.#listeners.set(
      type,
      list.filter((entry) => entry.listener !== listener),
    );
  }

  dispatchEvent(event: Event): boolean {
    event.target = this;
    event.currentTarget = this;
    const handlerName = `on${event.type}`;
    const handler = (this as unknown as Record<string, unknown>)[handlerName];
    if (typeof handler === 'function') (handler as (event: Event) => void).call(this, event);
    for (const entry of [...(this.#listeners.get(event.type) ?? [])]) {
      if (entry.once) this.removeEventListener(event.type, entry.listener);
      if (typeof entry.listener === 'function') entry.listener.call(this, event);
      else entry.listener.handleEvent(event);
      if (event.stopped) break;
    }
    return !event.defaultPrevented;
  }

  get [Symbol.toStringTag](): string {
    return 'EventTarget';
  }
}

/**
 * Installs `Event`, `EventTarget` and `CustomEvent`.
 *
 * @example
 * ```ts
 * installEvents();
 * ```
 * @internal
 */
export function installEvents(): void {
  class CustomEvent extends Event {
    readonly detail: unknown;
    constructor(type: string, init: { detail?: unknown; bubbles?: boolean; cancelable?: boolean } = {}) {
      super(type, init);
      this.detail = init.detail ?? null;
    }
  }
  defineGlobal('Event', Event);
  defineGlobal('EventTarget', EventTarget);
  defineGlobal('CustomEvent', CustomEvent);
}
