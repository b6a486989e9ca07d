import ivm from 'isolated-vm';
import { udfRuntimeBundle } from '@selfhost/udf-runtime';
import type { UdfTransaction } from '../database/udf-transaction.ts';
import type { ModuleSet } from '../modules/module-set.ts';
import { KeptContexts } from './kept-contexts.ts';
import { PreparedContext } from './prepared-context.ts';

/**
 * What every isolate of one deployment shares: the modules, the context configuration
 * (environment variables, import-phase seed) and which modules are worth importing ahead.
 *
 * @example
 * ```ts
 * const shared: SlotShared = { modules, contextConfigJson: '{…}', configVersion: 1, hotModules: new Set(['messages.js']), importGraphs: new Map(), … };
 * ```
 * @internal
 */
export interface SlotShared {
  readonly modules: ModuleSet;
  contextConfigJson: string;
  configVersion: number;
  readonly hotModules: Set<string>;
  /** Every module path an imported module needs (itself included), learned on its first import. */
  readonly importGraphs: Map<string, readonly string[]>;
  readonly memoryLimitMb: number;
  readonly setupTimeoutMs: number;
  readonly importTimeoutMs: number;
  readonly readyContexts: number;
}

/** Replace an isolate after this many contexts… */
const RECYCLE_AFTER_CONTEXTS = 2_000;
/** …or when its heap stays above this share of the limit after an execution. */
const RECYCLE_HEAP_SHARE = 0.4;

interface ReadyContext {
  readonly context: PreparedContext;
  readonly configVersion: number;
}

/**
 * One isolate of a pool and its contexts: those prepared ahead and those kept after a clean
 * query or mutation for their module's next execution. A slot is leased by one top-level
 * execution at a time (its nested calls run in further contexts of the same isolate). After
 * each lease it prepares fresh contexts in the background, so the next request finds one.
 *
 * @example
 * ```ts
 * const slot = new IsolateSlot(shared);
 * const context = slot.takeContext('messages.js');
 * ```
 * @internal
 */
export class IsolateSlot {
  readonly isolate: ivm.Isolate;
  readonly runtimeScript: ivm.Script;
  readonly #shared: SlotShared;
  #ready: ReadyContext[] = [];
  readonly #kept = new KeptContexts();
  #refilling = false;
  #poisoned = false;
  #contextsCreated = 0;
  leased = false;

  constructor(shared: SlotShared) {
    this.#shared = shared;
    this.isolate = new ivm.Isolate({ memoryLimit: shared.memoryLimitMb });
    const bundle = udfRuntimeBundle();
    this.runtimeScript = this.isolate.compileScriptSync(bundle.source, { filename: bundle.filename });
  }

  get modules(): ModuleSet {
    return this.#shared.modules;
  }

  get contextConfigJson(): string {
    return this.#shared.contextConfigJson;
  }

  /** Changes whenever {@link contextConfigJson} does. */
  get configVersion(): number {
    return this.#shared.configVersion;
  }

  get setupTimeoutMs(): number {
    return this.#shared.setupTimeoutMs;
  }

  get importTimeoutMs(): number {
    return this.#shared.importTimeoutMs;
  }

  /** The module paths importing `paths` compiles, as far as earlier imports showed. */
  knownImports(paths: readonly string[]): string[] {
    const known = new Set<string>();
    for (const path of paths) for (const imported of this.#shared.importGraphs.get(path) ?? [path]) known.add(imported);
    return [...known];
  }

  /** Records what importing `path` compiled (see {@link knownImports}). */
  learnImports(path: string, compiled: readonly string[]): void {
    if (!this.#shared.importGraphs.has(path)) this.#shared.importGraphs.set(path, Object.freeze([...compiled]));
  }

  /** False once the isolate died (memory limit) or a call in it was cut off. */
  get healthy(): boolean {
    return !this.#poisoned && !this.isolate.isDisposed;
  }

  /** Marks the isolate as unusable; the pool replaces it. */
  poison(): void {
    this.#poisoned = true;
  }

  /** Whether contexts are being prepared in the background (the isolate may be busy). */
  get refilling(): boolean {
    return this.#refilling;
  }

  /** How many prepared contexts are waiting. */
  get readyCount(): number {
    return this.#ready.length;
  }

  /**
   * A context for a function of `modulePath`: for a query or mutation (`transaction` given),
   * the one kept from the module's last clean execution when `transaction` can adopt what that
   * execution read; else a prepared one (preferably with `modulePath` already imported) or,
   * when none is ready, one created now.
   */
  takeContext(modulePath?: string, reuse?: { readonly transaction: UdfTransaction; readonly key: string }): PreparedContext {
    const version = this.#shared.configVersion;
    if (reuse !== undefined) {
      const kept = this.#kept.peek(reuse.key, version);
      const adoption = kept === undefined ? 'none' : reuse.transaction.adoptReads(kept.dependencies);
      if (adoption === 'adopted') return this.#kept.take(reuse.key) ?? PreparedContext.createSync(this);
      if (adoption === 'changed') this.#kept.drop(reuse.key);
    }
    const stale = this.#ready.filter((ready) => ready.configVersion !== version);
    for (const ready of stale) ready.context.dispose();
    this.#ready = this.#ready.filter((ready) => ready.configVersion === version);
    const index = modulePath === undefined ? 0 : Math.max(0, this.#ready.findIndex((ready) => ready.context.hasEvaluated(modulePath)));
    const taken = this.#ready.splice(index, 1)[0];
    if (taken !== undefined) return taken.context;
    this.#contextsCreated++;
    return PreparedContext.createSync(this);
  }

  /** Whether a context is kept under `key` (see `keptContextKey`). */
  keeps(key: string): boolean {
    return this.#kept.has(key);
  }

  /**
   * Keeps a context whose execution of `modulePath` finished cleanly for the module's next
   * execution (see {@link KeptContexts}); disposes it when the isolate is no longer healthy.
   */
  keepContext(key: string, context: PreparedContext, dependencies: object): void {
    context.host.detach();
    if (this.healthy) this.#kept.keep(key, { context, configVersion: context.configVersion, dependencies });
    else context.dispose();
  }

  /**
   * Whether the isolate should be replaced: disposed contexts are garbage V8 collects late,
   * and each execution must get (nearly) the whole heap limit, so an isolate whose heap
   * stays above a share of the limit, or that has served many contexts, is recycled.
   */
  wornOut(): boolean {
    if (this.#contextsCreated >= RECYCLE_AFTER_CONTEXTS) return true;
    if (this.isolate.isDisposed) return true;
    const used = this.isolate.getHeapStatisticsSync().used_heap_size;
    return used > this.#shared.memoryLimitMb * 1024 * 1024 * RECYCLE_HEAP_SHARE;
  }

  /** Prepares contexts in the background until the target count is reached. */
  refill(): void {
    if (this.#refilling || !this.healthy) return;
    this.#refilling = true;
    void this.#refillLoop().finally(() => {
      this.#refilling = false;
    });
  }

  async #refillLoop(): Promise<void> {
    while (this.healthy && this.#ready.length < this.#shared.readyContexts) {
      const version = this.#shared.configVersion;
      let prepared: Awaited<ReturnType<typeof PreparedContext.prepare>>;
      try {
        this.#contextsCreated++;
        prepared = await PreparedContext.prepare(this, [...this.#shared.hotModules]);
      } catch {
        if (this.isolate.isDisposed) this.#poisoned = true;
        return;
      }
      // An import error surfaces when a request needs the module; do not import it ahead again.
      for (const path of prepared.failed) this.#shared.hotModules.delete(path);
      if (!this.healthy) {
        prepared.context.dispose();
        return;
      }
      this.#ready.push({ context: prepared.context, configVersion: version });
    }
    this.#touchNext();
  }

  /**
   * Enters the next context once from this thread while the isolate is idle. Contexts are
   * prepared on isolated-vm's threads, and the first synchronous call after that pays for
   * moving the isolate back to this thread (V8 restores its per-thread state) and for the
   * first entry into the context: ≈ 20 µs that would otherwise land on the next request.
   */
  #touchNext(): void {
    const next = this.#ready[0];
    if (next === undefined || this.leased || !this.healthy) return;
    try {
      next.context.touch(this.#shared.setupTimeoutMs);
    } catch {
      if (this.isolate.isDisposed) this.#poisoned = true;
    }
  }

  /** Disposes the isolate and every context in it. */
  dispose(): void {
    this.#poisoned = true;
    for (const ready of this.#ready) ready.context.dispose();
    this.#ready = [];
    this.#kept.disposeAll();
    if (!this.isolate.isDisposed) this.isolate.dispose();
  }
}
