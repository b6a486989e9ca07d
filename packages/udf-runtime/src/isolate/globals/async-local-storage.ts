import { defineGlobal } from '../define-global.ts';
import { toDomString } from './to-dom-string.ts';

let current = new Map<object, unknown>();

function runWith<TResult>(frame: Map<object, unknown>, fn: () => TResult): TResult {
  const previous = current;
  current = frame;
  try {
    return fn();
  } finally {
    current = previous;
  }
}

/**
 * `AsyncLocalStorage` (esbuild rewrites `async_hooks` imports of isolate code to these
 * globals). The store is visible in the synchronous part of `run()`'s callback and in
 * callbacks wrapped with `bind`/`snapshot`/`AsyncResource`; V8 gives JavaScript no hook to
 * follow `await` continuations, so code after an `await` inside `run()` sees the store only
 * when it runs in a wrapped callback.
 *
 * @example
 * ```ts
 * const storage = new AsyncLocalStorage<string>();
 * storage.run('a', () => storage.getStore()); // 'a'
 * ```
 * @internal
 */
export class AsyncLocalStorage<TStore> {
  #enabled = true;

  getStore(): TStore | undefined {
    return this.#enabled ? (current.get(this) as TStore | undefined) : undefined;
  }

  run<TResult>(store: TStore, fn: (...args: unknown[]) => TResult, ...args: unknown[]): TResult {
    const frame = new Map(current);
    frame.set(this, store);
    this.#enabled = true;
    return runWith(frame, () => fn(...args));
  }

  exit<TResult>(fn: (...args: unknown[]) => TResult, ...args: unknown[]): TResult {
    const frame = new Map(current);
    frame.delete(this);
    return runWith(frame, () => fn(...args));
  }

  enterWith(store: TStore): void {
    current = new Map(current);
    current.set(this, store);
  }

  disable(): void {
    this.#enabled = false;
  }

  static bind<TFunction extends (...args: unknown[]) => unknown>(fn: TFunction): TFunction {
    const frame = current;
    return ((...args: unknown[]) => runWith(frame, () => fn(...args))) as TFunction;
  }

  static snapshot(): <TResult>(fn: (...args: unknown[]) => TResult, ...args: unknown[]) => TResult {
    const frame = current;
    return (fn, ...args) => runWith(frame, () => fn(...args));
  }
}

/**
 * `AsyncResource`: runs callbacks in the async-local context it was created in.
 *
 * @example
 * ```ts
 * const resource = new AsyncResource('job');
 * resource.runInAsyncScope(() => storage.getStore());
 * ```
 * @internal
 */
export class AsyncResource {
  readonly #frame = current;
  readonly type: string;
  constructor(type: string) {
    this.type = toDomString(type);
  }
  runInAsyncScope<TResult>(fn: (...args: unknown[]) => TResult, thisArg?: unknown, ...args: unknown[]): TResult {
    return runWith(this.#frame, () => fn.apply(thisArg, args));
  }
  bind<TFunction extends (...args: unknown[]) => unknown>(fn: TFunction): TFunction {
    return ((...args: unknown[]) => this.runInAsyncScope(fn, undefined, ...args)) as TFunction;
  }
  emitDestroy(): this {
    return this;
  }
  asyncId(): number {
    return 0;
  }
  triggerAsyncId(): number {
    return 0;
  }
  static bind<TFunction extends (...args: unknown[]) => unknown>(fn: TFunction, type = 'bound-anonymous-fn'): TFunction {
    return new AsyncResource(type).bind(fn);
  }
}

/**
 * Installs `AsyncLocalStorage` and `AsyncResource`.
 *
 * @example
 * ```ts
 * installAsyncLocalStorage();
 * ```
 * @internal
 */
export function installAsyncLocalStorage(): void {
  defineGlobal('AsyncLocalStorage', AsyncLocalStorage);
  defineGlobal('AsyncResource', AsyncResource);
}
