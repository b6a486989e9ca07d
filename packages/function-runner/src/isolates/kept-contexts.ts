import type { Identity } from '../execution/identity.ts';
import type { PreparedContext } from './prepared-context.ts';

/** How many (module, caller) pairs of one isolate keep a context for their next execution. */
const MAX_KEPT_CONTEXTS = 4;

/**
 * The key a context is kept under: its module and who called. A context only serves the next
 * execution of the same module for the same caller, so state a module keeps between executions
 * (which Convex allows) never carries one user's data into another user's request.
 *
 * @example
 * ```ts
 * keptContextKey('messages.js', { kind: 'none' }); // 'messages.js\u0000none'
 * ```
 * @internal
 */
export function keptContextKey(modulePath: string, identity: Identity): string {
  const caller = identity.kind === 'none' || identity.kind === 'admin' ? identity.kind : `${identity.kind}:${JSON.stringify(identity.user)}`;
  return `${modulePath}\u0000${caller}`;
}

/**
 * A kept context and what its last execution read (state the module keeps may derive from
 * it): the next transaction adopts those reads, or the context is not reused when a commit
 * wrote inside them since (see `UdfTransaction.adoptReads`).
 *
 * @internal
 */
export interface Kept {
  readonly context: PreparedContext;
  readonly configVersion: number;
  readonly dependencies: object;
}

/**
 * Contexts of one isolate kept after a query or mutation, one per module and caller, for the
 * next execution of the same module by the same caller (the reference backend reuses contexts
 * per module; the caller is our addition): no new context, no module import, and code the
 * engine has already warmed up. A
 * context is only kept when its runtime reported it fit (see `REUSABLE_MARK`); the oldest is
 * disposed when too many are kept, and any kept with an outdated configuration (environment
 * variables) is disposed instead of taken.
 *
 * @example
 * ```ts
 * const kept = new KeptContexts();
 * const key = keptContextKey('messages.js', identity);
 * kept.keep(key, { context, configVersion: 1, dependencies: transaction.readDependencies() });
 * kept.peek(key, 1); // { context, configVersion: 1, dependencies }
 * kept.take(key); // context
 * ```
 * @internal
 */
export class KeptContexts {
  readonly #byKey = new Map<string, Kept>();

  get size(): number {
    return this.#byKey.size;
  }

  /** Whether a context is kept under `key`. */
  has(key: string): boolean {
    return this.#byKey.has(key);
  }

  /** Keeps a context under `key` (see {@link keptContextKey}), replacing what was kept there. */
  keep(key: string, kept: Kept): void {
    this.#byKey.get(key)?.context.dispose();
    this.#byKey.delete(key);
    this.#byKey.set(key, kept);
    while (this.#byKey.size > MAX_KEPT_CONTEXTS) {
      const [oldest, kept] = this.#byKey.entries().next().value as [string, Kept];
      this.#byKey.delete(oldest);
      kept.context.dispose();
    }
  }

  /**
   * What was kept under `key` with the current configuration, or `undefined` (one kept
   * with an outdated configuration is disposed). It stays kept until {@link take}n or dropped.
   */
  peek(key: string, configVersion: number): Kept | undefined {
    const kept = this.#byKey.get(key);
    if (kept === undefined || kept.configVersion === configVersion) return kept;
    this.drop(key);
    return undefined;
  }

  /** Takes the context kept under `key` out (the caller now owns it). */
  take(key: string): PreparedContext | undefined {
    const kept = this.#byKey.get(key);
    this.#byKey.delete(key);
    return kept?.context;
  }

  /** Disposes the context kept under `key`, if any. */
  drop(key: string): void {
    this.take(key)?.dispose();
  }

  /** Disposes every kept context. */
  disposeAll(): void {
    for (const { context } of this.#byKey.values()) context.dispose();
    this.#byKey.clear();
  }
}
