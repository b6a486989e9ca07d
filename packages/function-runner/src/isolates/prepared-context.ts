import ivm from 'isolated-vm';
import { SETUP_ARGUMENT_GLOBALS } from '@selfhost/udf-runtime';
import { ContextHost } from './context-host.ts';
import { ContextModules } from './context-modules.ts';
import type { IsolateSlot } from './isolate-slot.ts';

export { ModuleLoadError } from './context-modules.ts';

type DriverFunction = ivm.Reference<(method: string, first?: unknown, second?: unknown) => unknown>;

function timeoutOption(timeoutMs: number): { timeout: number } {
  return { timeout: Math.max(1, Math.ceil(timeoutMs)) };
}

/** What the runtime script takes from the global object (see `SETUP_ARGUMENT_GLOBALS`). */
function setupArguments(host: ContextHost, slot: IsolateSlot): [string, unknown][] {
  return [
    [SETUP_ARGUMENT_GLOBALS.syscall, new ivm.Callback(host.syscall)],
    [SETUP_ARGUMENT_GLOBALS.log, new ivm.Callback(host.log)],
    [SETUP_ARGUMENT_GLOBALS.util, new ivm.Callback(host.util)],
    [SETUP_ARGUMENT_GLOBALS.report, new ivm.Callback(host.report)],
    [SETUP_ARGUMENT_GLOBALS.config, slot.contextConfigJson],
  ];
}

/**
 * A context of one isolate with the runtime set up: it runs one function at a time, and is
 * then disposed, or kept for the next execution of the same module when the runtime reports
 * it clean (see `KeptContexts`). Contexts are prepared ahead of time (in the background, on isolated-vm's
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
  /** The slot's configuration version this context was set up with. */
  readonly configVersion: number;
  readonly #slot: IsolateSlot;
  readonly #context: ivm.Context;
  readonly #driver: DriverFunction;
  readonly #modules: ContextModules;
  #disposed = false;

  private constructor(parts: {
    readonly slot: IsolateSlot;
    readonly context: ivm.Context;
    readonly host: ContextHost;
    readonly driver: DriverFunction;
    readonly modules: ContextModules;
    readonly configVersion: number;
  }) {
    this.#slot = parts.slot;
    this.configVersion = parts.configVersion;
    this.#context = parts.context;
    this.host = parts.host;
    this.#driver = parts.driver;
    this.#modules = parts.modules;
  }

  /** Creates a context and sets the runtime up, blocking the thread (≈0.5 ms). */
  static createSync(slot: IsolateSlot): PreparedContext {
    const configVersion = slot.configVersion;
    const context = slot.isolate.createContextSync();
    const host = new ContextHost(slot.modules);
    for (const [name, value] of setupArguments(host, slot)) context.global.setSync(name, value);
    const driver = slot.runtimeScript.runSync(context, { reference: true, ...timeoutOption(slot.setupTimeoutMs) }) as DriverFunction;
    return new PreparedContext({ slot, context, host, driver, modules: new ContextModules(slot).bind(context), configVersion });
  }

  /**
   * Creates a context, sets the runtime up and imports `modulePaths`, without blocking the
   * thread: the work runs on isolated-vm's threads. Each call whose result is awaited is a
   * round trip through this thread (tens of microseconds of hand-over, and a wait for this
   * thread whenever it is busy serving requests), so the calls are queued together and the
   * isolate runs them back to back: three round trips (create the context while the known
   * modules compile; set the runtime up while the modules link; evaluate them). Returns the
   * context and the paths whose import failed (their error surfaces again when a request
   * imports them).
   */
  static async prepare(slot: IsolateSlot, modulePaths: readonly string[]): Promise<{ readonly context: PreparedContext; readonly failed: readonly string[] }> {
    const configVersion = slot.configVersion;
    const creating = slot.isolate.createContext();
    const modules = new ContextModules(slot);
    for (const path of slot.knownImports(modulePaths)) modules.compileAhead(path);
    let context: ivm.Context;
    try {
      context = await creating;
    } catch (error) {
      modules.release();
      throw error;
    }
    modules.bind(context);
    const host = new ContextHost(slot.modules);
    for (const [name, value] of setupArguments(host, slot)) context.global.setIgnored(name, value);
    const settingUp = slot.runtimeScript.run(context, { reference: true, ...timeoutOption(slot.setupTimeoutMs) }) as Promise<DriverFunction>;
    // Settled at once: a link that fails while the set-up is awaited must not go unhandled.
    const linking = modulePaths.map((path) => modules.link(path).then((module) => module, () => null));
    let driver: DriverFunction;
    try {
      driver = await settingUp;
    } catch (error) {
      await Promise.all(linking);
      modules.release();
      context.release();
      throw error;
    }
    const prepared = new PreparedContext({ slot, context, host, driver, modules, configVersion });
    const failed: string[] = [];
    for (const [index, path] of modulePaths.entries()) {
      const module = await linking[index];
      try {
        if (module === null || module === undefined) throw new Error('not linked');
        await modules.evaluate(module, path, slot.importTimeoutMs);
        slot.learnImports(path, modules.compiledPaths());
      } catch {
        failed.push(path);
        if (slot.isolate.isDisposed) break;
      }
    }
    return { context: prepared, failed };
  }

  /** Whether the module at `path` is already evaluated in this context. */
  hasEvaluated(path: string): boolean {
    return this.#modules.hasEvaluated(path);
  }

  /**
   * The namespace of a module, importing it (and what it imports) first if needed. Throws
   * {@link ModuleLoadError} for import errors; timeouts and memory failures escape as-is.
   */
  namespaceOf(path: string, timeoutMs: number): ivm.Reference<unknown> {
    return this.#modules.namespaceOf(path, timeoutMs);
  }

  /** `driver.start`: the function reports what it did through the context's host. */
  start(requestJson: string, namespace: ivm.Reference<unknown>, timeoutMs: number): void {
    this.#driver.applySync(undefined, ['start', requestJson, namespace.derefInto({ release: true })], timeoutOption(timeoutMs));
  }

  /** Calls into the context once, doing nothing (see `IsolateSlot`: moves the isolate to this thread). */
  touch(timeoutMs: number): void {
    this.#driver.applySync(undefined, ['touch'], timeoutOption(timeoutMs));
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

  /** Releases the context and everything in it. Idempotent. */
  dispose(): void {
    if (this.#disposed) return;
    this.#disposed = true;
    this.host.detach();
    if (this.#slot.isolate.isDisposed) return;
    this.#driver.release();
    this.#modules.release();
    this.#context.release();
  }
}
