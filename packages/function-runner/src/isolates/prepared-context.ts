import ivm from 'isolated-vm';
import { SETUP_GLOBAL } from '@selfhost/udf-runtime';
import { ContextHost } from './context-host.ts';
import type { IsolateSlot } from './isolate-slot.ts';
import { resolveModulePath } from '../modules/resolve-module-path.ts';
import { mapStackText } from '../source-maps/map-stack-text.ts';
import { MODULE_ORIGIN_PREFIX } from '@selfhost/udf-runtime';

type DriverFunction = ivm.Reference<(method: string, first?: unknown, second?: unknown) => unknown>;

/**
 * An import error: the module (or one it imports) could not be compiled or evaluated. The
 * message is the user-visible error string.
 *
 * @example
 * ```ts
 * throw new ModuleLoadError("Uncaught Error: boom\n    at ../convex/a.ts:1:7");
 * ```
 * @internal
 */
export class ModuleLoadError extends Error {
  override readonly name = 'ModuleLoadError';
}

function timeoutOption(timeoutMs: number): { timeout: number } {
  return { timeout: Math.max(1, Math.ceil(timeoutMs)) };
}

/**
 * A fresh context of one isolate with the runtime set up: it runs at most one function and
 * is then disposed. Contexts are prepared ahead of time (in the background, on isolated-vm's
 * threads) so a request usually only pays for the call itself.
 *
 * @example
 * ```ts
 * const context = PreparedContext.createSync(slot);
 * const namespace = context.namespaceOf('messages.js', 1000);
 * context.start(requestJson, namespace, 1000);
 * ```
 * @internal
 */
export class PreparedContext {
  readonly host: ContextHost;
  readonly #slot: IsolateSlot;
  readonly #context: ivm.Context;
  readonly #driver: DriverFunction;
  readonly #modules = new Map<string, ivm.Module>();
  readonly #paths = new Map<ivm.Module, string>();
  readonly #evaluated = new Set<string>();
  #disposed = false;

  private constructor(parts: { readonly slot: IsolateSlot; readonly context: ivm.Context; readonly host: ContextHost; readonly driver: DriverFunction }) {
    this.#slot = parts.slot;
    this.#context = parts.context;
    this.host = parts.host;
    this.#driver = parts.driver;
  }

  /** Creates a context and sets the runtime up, blocking the thread (≈0.5 ms). */
  static createSync(slot: IsolateSlot): PreparedContext {
    const context = slot.isolate.createContextSync();
    const host = new ContextHost(slot.modules);
    slot.runtimeScript.runSync(context, timeoutOption(slot.setupTimeoutMs));
    const setup = context.global.getSync(SETUP_GLOBAL, { reference: true }) as ivm.Reference<unknown>;
    const driver = setup.applySync(undefined, PreparedContext.#setupArgs(host, slot), {
      result: { reference: true },
      ...timeoutOption(slot.setupTimeoutMs),
    }) as DriverFunction;
    setup.release();
    return new PreparedContext({ slot, context, host, driver });
  }

  /** Creates a context without blocking the thread (the work runs on isolated-vm's threads). */
  static async create(slot: IsolateSlot): Promise<PreparedContext> {
    const context = await slot.isolate.createContext();
    const host = new ContextHost(slot.modules);
    await slot.runtimeScript.run(context, timeoutOption(slot.setupTimeoutMs));
    const setup = (await context.global.get(SETUP_GLOBAL, { reference: true })) as ivm.Reference<unknown>;
    const driver = (await setup.apply(undefined, PreparedContext.#setupArgs(host, slot), {
      result: { reference: true },
      ...timeoutOption(slot.setupTimeoutMs),
    })) as DriverFunction;
    setup.release();
    return new PreparedContext({ slot, context, host, driver });
  }

  static #setupArgs(host: ContextHost, slot: IsolateSlot): unknown[] {
    return [new ivm.Callback(host.syscall), new ivm.Callback(host.log), new ivm.Callback(host.util), slot.contextConfigJson];
  }

  /** Whether the module at `path` is already evaluated in this context. */
  hasEvaluated(path: string): boolean {
    return this.#evaluated.has(path);
  }

  /**
   * The namespace of a module, importing it (and what it imports) first if needed. Throws
   * {@link ModuleLoadError} for import errors; timeouts and memory failures escape as-is.
   */
  namespaceOf(path: string, timeoutMs: number): ivm.Reference<unknown> {
    const imported = this.#modules.get(path);
    if (imported !== undefined && this.#evaluated.has(path)) return imported.namespace;
    const module = this.#instantiate(path);
    if (!this.#evaluated.has(path)) {
      try {
        module.evaluateSync(timeoutOption(timeoutMs));
      } catch (error) {
        throw this.#importFailure(error);
      }
      this.#evaluated.add(path);
    }
    return module.namespace;
  }

  /** Imports a module in the background (for contexts prepared ahead of requests). */
  async preload(path: string, timeoutMs: number): Promise<void> {
    const module = await this.#instantiateAsync(path);
    try {
      await module.evaluate(timeoutOption(timeoutMs));
    } catch (error) {
      throw this.#importFailure(error);
    }
    this.#evaluated.add(path);
  }

  #importFailure(error: unknown): unknown {
    const message = error instanceof Error ? error.message : String(error);
    if (message === 'Script execution timed out.' || this.#slot.isolate.isDisposed) return error;
    const stack = error instanceof Error && typeof error.stack === 'string' ? error.stack : message;
    const cut = stack.indexOf('\n    at (<isolated-vm boundary>)');
    const isolateStack = cut >= 0 ? stack.slice(0, cut) : (stack.split('\n')[0] ?? message);
    return new ModuleLoadError(`Uncaught ${mapStackText(isolateStack, this.#slot.modules)}`);
  }

  async #compileAsync(path: string): Promise<ivm.Module> {
    const existing = this.#modules.get(path);
    if (existing !== undefined) return existing;
    const config = this.#slot.modules.get(path);
    if (config === undefined || config.environment !== 'isolate') throw new ModuleLoadError(`Couldn't find module "${path}".`);
    const module = await this.#slot.isolate.compileModule(config.source, { filename: `${MODULE_ORIGIN_PREFIX}${path}` });
    const raced = this.#modules.get(path);
    if (raced !== undefined) {
      module.release();
      return raced;
    }
    this.#modules.set(path, module);
    this.#paths.set(module, path);
    return module;
  }

  async #instantiateAsync(path: string): Promise<ivm.Module> {
    const module = await this.#compileAsync(path);
    await module.instantiate(this.#context, async (specifier, referrer) => {
      const from = this.#paths.get(referrer) ?? path;
      const resolved = resolveModulePath(specifier, from);
      if (resolved === null) throw new ModuleLoadError(`Couldn't resolve "${specifier}" imported by "${from}".`);
      return await this.#compileAsync(resolved);
    });
    return module;
  }

  #compile(path: string): ivm.Module {
    const existing = this.#modules.get(path);
    if (existing !== undefined) return existing;
    const config = this.#slot.modules.get(path);
    if (config === undefined || config.environment !== 'isolate') throw new ModuleLoadError(`Couldn't find module "${path}".`);
    let module: ivm.Module;
    try {
      module = this.#slot.isolate.compileModuleSync(config.source, { filename: `${MODULE_ORIGIN_PREFIX}${path}` });
    } catch (error) {
      if (this.#slot.isolate.isDisposed) throw error;
      throw new ModuleLoadError(`Uncaught ${error instanceof Error ? `SyntaxError: ${error.message}` : String(error)}`);
    }
    this.#modules.set(path, module);
    this.#paths.set(module, path);
    return module;
  }

  #instantiate(path: string): ivm.Module {
    const module = this.#compile(path);
    let failure: unknown;
    try {
      module.instantiateSync(this.#context, (specifier, referrer) => {
        try {
          const from = this.#paths.get(referrer) ?? path;
          const resolved = resolveModulePath(specifier, from);
          if (resolved === null) throw new ModuleLoadError(`Couldn't resolve "${specifier}" imported by "${from}".`);
          return this.#compile(resolved);
        } catch (error) {
          failure ??= error;
          throw error;
        }
      });
    } catch (error) {
      if (this.#slot.isolate.isDisposed) throw error;
      if (failure instanceof ModuleLoadError) throw failure;
      throw new ModuleLoadError(`Uncaught ${error instanceof Error ? error.message : String(error)}`);
    }
    return module;
  }

  /** `driver.start`. */
  start(requestJson: string, namespace: ivm.Reference<unknown>, timeoutMs: number): void {
    this.#driver.applySync(undefined, ['start', requestJson, namespace.derefInto({ release: true })], timeoutOption(timeoutMs));
  }

  /** `driver.poll`: the `DriverStatus` string. */
  poll(timeoutMs: number): string {
    return this.#driver.applySync(undefined, ['poll'], timeoutOption(timeoutMs)) as string;
  }

  /** `driver.resume` with an op-results string. */
  resume(results: string, timeoutMs: number): void {
    this.#driver.applySync(undefined, ['resume', results], timeoutOption(timeoutMs));
  }

  /** `driver.fireTimers`. */
  fireTimers(timeoutMs: number): void {
    this.#driver.applySync(undefined, ['fireTimers'], timeoutOption(timeoutMs));
  }

  /** `driver.analyze`: JSON of a `RawModuleAnalysis` of an imported module. */
  analyze(namespace: ivm.Reference<unknown>, modulePath: string, timeoutMs: number): string {
    return this.#driver.applySync(undefined, ['analyze', namespace.derefInto({ release: true }), modulePath], timeoutOption(timeoutMs)) as string;
  }

  /** Runs the runtime's own code once in the background (see the runtime's `warmUp`). */
  async warmUp(timeoutMs: number): Promise<void> {
    await this.#driver.apply(undefined, ['warmUp'], timeoutOption(timeoutMs));
  }

  /** Releases the context and everything in it. Idempotent. */
  dispose(): void {
    if (this.#disposed) return;
    this.#disposed = true;
    this.host.detach();
    if (this.#slot.isolate.isDisposed) return;
    this.#driver.release();
    for (const module of this.#modules.values()) module.release();
    this.#context.release();
  }
}
