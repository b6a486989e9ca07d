import type { AnalyzedFunction, AnalyzedModule } from '@selfhost/udf-runtime';
import type { UdfAddress } from '../modules/udf-path.ts';

/**
 * The functions of a deployment by address, from its push-time analysis.
 *
 * @example
 * ```ts
 * const index = new FunctionIndex({ 'messages.js': analyzedModule });
 * index.find({ modulePath: 'messages.js', exportName: 'list' })?.udfType; // 'Query'
 * ```
 */
export class FunctionIndex {
  readonly #functions = new Map<string, AnalyzedFunction>();
  readonly #modules: Readonly<Record<string, AnalyzedModule>>;

  constructor(modules: Readonly<Record<string, AnalyzedModule>>) {
    this.#modules = modules;
    for (const [path, module] of Object.entries(modules)) {
      for (const fn of module.functions) this.#functions.set(`${path}:${fn.name}`, fn);
    }
  }

  /** The analyzed function at an address. */
  find(address: UdfAddress): AnalyzedFunction | undefined {
    return this.#functions.get(`${address.modulePath}:${address.exportName}`);
  }

  /** The analyzed module at a path. */
  module(path: string): AnalyzedModule | undefined {
    return this.#modules[path];
  }
}
