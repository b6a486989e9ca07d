import { defineGlobal } from '../define-global.ts';

function assertObject(value: unknown, what: string): void {
  if ((typeof value !== 'object' || value === null) && typeof value !== 'function' && typeof value !== 'symbol') {
    throw new TypeError(`${what} must be an object`);
  }
}

/**
 * Replaces `WeakRef` and `FinalizationRegistry` with deterministic versions, as the reference
 * runtime does: garbage-collection timing would otherwise leak into query results. A WeakRef
 * holds its target strongly; cleanup callbacks never run.
 *
 * @example
 * ```ts
 * installWeakRefs();
 * new WeakRef(obj).deref() === obj; // always true
 * ```
 * @internal
 */
export function installWeakRefs(): void {
  class WeakRef<TTarget extends object> {
    readonly #target: TTarget;
    constructor(target: TTarget) {
      assertObject(target, 'target');
      this.#target = target;
    }
    deref(): TTarget {
      return this.#target;
    }
    get [Symbol.toStringTag](): string {
      return 'WeakRef';
    }
  }
  class FinalizationRegistry {
    constructor(cleanup: unknown) {
      if (typeof cleanup !== 'function') throw new TypeError('cleanup must be callable');
    }
    register(target: unknown, heldValue: unknown, token?: unknown): void {
      assertObject(target, 'target');
      if (target === heldValue) throw new TypeError('target and holdings must not be same');
      if (token !== undefined) assertObject(token, 'unregisterToken');
    }
    unregister(token: unknown): boolean {
      assertObject(token, 'unregisterToken');
      return false;
    }
    get [Symbol.toStringTag](): string {
      return 'FinalizationRegistry';
    }
  }
  defineGlobal('WeakRef', WeakRef);
  defineGlobal('FinalizationRegistry', FinalizationRegistry);
}
