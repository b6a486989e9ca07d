import type ivm from 'isolated-vm';
import { MODULE_ORIGIN_PREFIX } from '@selfhost/udf-runtime';
import type { ModuleSet } from '../modules/module-set.ts';
import { resolveModulePath } from '../modules/resolve-module-path.ts';
import { mapStackText } from '../source-maps/map-stack-text.ts';

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
 * The user modules of one context: compiled for it (V8 caches the compilation per isolate,
 * so only the first context of an isolate pays for parsing), linked to it and evaluated in
 * it, synchronously (a request that needs a module no prepared context imported) or without
 * blocking the thread (contexts prepared ahead). Compiling needs no context, so it can start
 * before the context exists (`compileAhead`), which is bound to it afterwards (`bind`).
 *
 * @example
 * ```ts
 * const modules = new ContextModules({ isolate, modules: moduleSet });
 * modules.bind(context);
 * const namespace = modules.namespaceOf('messages.js', 1000);
 * ```
 * @internal
 */
export class ContextModules {
  readonly #isolate: ivm.Isolate;
  readonly #sources: ModuleSet;
  #context: ivm.Context | null = null;
  readonly #compiled = new Map<string, ivm.Module>();
  readonly #compiling = new Map<string, Promise<ivm.Module>>();
  readonly #paths = new Map<ivm.Module, string>();
  readonly #evaluated = new Set<string>();
  #released = false;

  constructor(owner: { readonly isolate: ivm.Isolate; readonly modules: ModuleSet }) {
    this.#isolate = owner.isolate;
    this.#sources = owner.modules;
  }

  /** Binds the context modules are linked to (once). */
  bind(context: ivm.Context): this {
    this.#context = context;
    return this;
  }

  #bound(): ivm.Context {
    if (this.#context === null) throw new Error('ContextModules used before bind()');
    return this.#context;
  }

  /** Whether the module at `path` is already evaluated in this context. */
  hasEvaluated(path: string): boolean {
    return this.#evaluated.has(path);
  }

  /** The paths of every module compiled for this context (an imported module's graph). */
  compiledPaths(): string[] {
    return [...this.#compiled.keys()];
  }

  /**
   * Starts compiling a module without blocking the thread. It needs no context: queued with
   * the context's creation, it runs back to back with it on isolated-vm's thread.
   */
  compileAhead(path: string): void {
    this.#compileAsync(path).catch(() => undefined);
  }

  /**
   * The namespace of a module, importing it (and what it imports) first if needed. Throws
   * {@link ModuleLoadError} for import errors; timeouts and memory failures escape as-is.
   */
  namespaceOf(path: string, timeoutMs: number): ivm.Reference<unknown> {
    const imported = this.#compiled.get(path);
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

  /** Links a module (and what it imports) to the context without blocking the thread. */
  async link(path: string): Promise<ivm.Module> {
    const module = await this.#compileAsync(path);
    await module.instantiate(this.#bound(), async (specifier, referrer) => {
      const from = this.#paths.get(referrer) ?? path;
      const resolved = resolveModulePath(specifier, from);
      if (resolved === null) throw new ModuleLoadError(`Couldn't resolve "${specifier}" imported by "${from}".`);
      return await this.#compileAsync(resolved);
    });
    return module;
  }

  /** Evaluates a linked module without blocking the thread. */
  async evaluate(module: ivm.Module, path: string, timeoutMs: number): Promise<void> {
    try {
      await module.evaluate(timeoutOption(timeoutMs));
    } catch (error) {
      throw this.#importFailure(error);
    }
    this.#evaluated.add(path);
  }

  /** Releases the compiled modules (the context is being disposed). */
  release(): void {
    this.#released = true;
    for (const module of this.#compiled.values()) module.release();
    this.#compiled.clear();
  }

  #importFailure(error: unknown): unknown {
    const message = error instanceof Error ? error.message : String(error);
    if (message === 'Script execution timed out.' || this.#isolate.isDisposed) return error;
    const stack = error instanceof Error && typeof error.stack === 'string' ? error.stack : message;
    const cut = stack.indexOf('\n    at (<isolated-vm boundary>)');
    const isolateStack = cut >= 0 ? stack.slice(0, cut) : (stack.split('\n')[0] ?? message);
    return new ModuleLoadError(`Uncaught ${mapStackText(isolateStack, this.#sources)}`);
  }

  #sourceOf(path: string): string {
    const config = this.#sources.get(path);
    if (config === undefined || config.environment !== 'isolate') throw new ModuleLoadError(`Couldn't find module "${path}".`);
    return config.source;
  }

  #adopt(path: string, module: ivm.Module): ivm.Module {
    const existing = this.#compiled.get(path);
    if (this.#released) {
      // A compile queued ahead finished after the context was given up.
      module.release();
      throw new Error('The context was disposed');
    }
    if (existing !== undefined) {
      module.release();
      return existing;
    }
    this.#compiled.set(path, module);
    this.#paths.set(module, path);
    return module;
  }

  #compileAsync(path: string): Promise<ivm.Module> {
    const compiled = this.#compiled.get(path);
    if (compiled !== undefined) return Promise.resolve(compiled);
    let compiling = this.#compiling.get(path);
    if (compiling === undefined) {
      compiling = (async () => {
        const module = await this.#isolate.compileModule(this.#sourceOf(path), { filename: `${MODULE_ORIGIN_PREFIX}${path}` });
        return this.#adopt(path, module);
      })();
      this.#compiling.set(path, compiling);
    }
    return compiling;
  }

  #compile(path: string): ivm.Module {
    const existing = this.#compiled.get(path);
    if (existing !== undefined) return existing;
    const source = this.#sourceOf(path);
    let module: ivm.Module;
    try {
      module = this.#isolate.compileModuleSync(source, { filename: `${MODULE_ORIGIN_PREFIX}${path}` });
    } catch (error) {
      if (this.#isolate.isDisposed) throw error;
      throw new ModuleLoadError(`Uncaught ${error instanceof Error ? `SyntaxError: ${error.message}` : String(error)}`);
    }
    return this.#adopt(path, module);
  }

  #instantiate(path: string): ivm.Module {
    const module = this.#compile(path);
    let failure: unknown;
    try {
      module.instantiateSync(this.#bound(), (specifier, referrer) => {
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
      if (this.#isolate.isDisposed) throw error;
      if (failure instanceof ModuleLoadError) throw failure;
      throw new ModuleLoadError(`Uncaught ${error instanceof Error ? error.message : String(error)}`);
    }
    return module;
  }
}
