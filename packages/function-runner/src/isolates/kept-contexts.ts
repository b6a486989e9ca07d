import type { PreparedContext } from './prepared-context.ts';

/** How many modules of one isolate keep a context for their next execution. */
const MAX_KEPT_CONTEXTS = 4;

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
 * Contexts of one isolate kept after a query or mutation, one per module, for the next
 * execution of the same module (the reference backend reuses contexts per module the same
 * way): no new context, no module import, and code the engine has already warmed up. A
 * context is only kept when its runtime reported it fit (see `REUSABLE_MARK`); the oldest is
 * disposed when too many are kept, and any kept with an outdated configuration (environment
 * variables) is disposed instead of taken.
 *
 * @example
 * ```ts
 * const kept = new KeptContexts();
 * kept.keep('messages.js', { context, configVersion: 1, dependencies: transaction.readDependencies() });
 * kept.peek('messages.js', 1); // { context, configVersion: 1, dependencies }
 * kept.take('messages.js'); // context
 * ```
 * @internal
 */
export class KeptContexts {
  readonly #byModule = new Map<string, Kept>();

  get size(): number {
    return this.#byModule.size;
  }

  /** Keeps a context for `modulePath` (replacing what was kept for it). */
  keep(modulePath: string, kept: Kept): void {
    this.#byModule.get(modulePath)?.context.dispose();
    this.#byModule.delete(modulePath);
    this.#byModule.set(modulePath, kept);
    while (this.#byModule.size > MAX_KEPT_CONTEXTS) {
      const [oldest, kept] = this.#byModule.entries().next().value as [string, Kept];
      this.#byModule.delete(oldest);
      kept.context.dispose();
    }
  }

  /**
   * What was kept for `modulePath` with the current configuration, or `undefined` (one kept
   * with an outdated configuration is disposed). It stays kept until {@link take}n or dropped.
   */
  peek(modulePath: string, configVersion: number): Kept | undefined {
    const kept = this.#byModule.get(modulePath);
    if (kept === undefined || kept.configVersion === configVersion) return kept;
    this.drop(modulePath);
    return undefined;
  }

  /** Takes the context kept for `modulePath` out (the caller now owns it). */
  take(modulePath: string): PreparedContext | undefined {
    const kept = this.#byModule.get(modulePath);
    this.#byModule.delete(modulePath);
    return kept?.context;
  }

  /** Disposes the context kept for `modulePath`, if any. */
  drop(modulePath: string): void {
    this.take(modulePath)?.dispose();
  }

  /** Disposes every kept context. */
  disposeAll(): void {
    for (const { context } of this.#byModule.values()) context.dispose();
    this.#byModule.clear();
  }
}
