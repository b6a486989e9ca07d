import type { ModuleConfig, ModuleEnvironment } from './module-config.ts';
import { SourceMapIndex } from '../source-maps/source-map-index.ts';

/**
 * An immutable set of pushed modules keyed by path, with their source maps decoded on
 * first use.
 *
 * @example
 * ```ts
 * const set = new ModuleSet([{ path: 'a.js', source: 'export const x = 1;', environment: 'isolate' }]);
 * set.get('a.js')?.source;
 * ```
 */
export class ModuleSet {
  readonly #modules: ReadonlyMap<string, ModuleConfig>;
  readonly #maps = new Map<string, SourceMapIndex | null>();

  constructor(modules: readonly ModuleConfig[]) {
    const byPath = new Map<string, ModuleConfig>();
    for (const module of modules) {
      if (byPath.has(module.path)) throw new Error(`Module ${module.path} was pushed twice`);
      byPath.set(module.path, Object.freeze({ ...module }));
    }
    this.#modules = byPath;
  }

  /** The module at `path` (with `.js`). */
  get(path: string): ModuleConfig | undefined {
    return this.#modules.get(path);
  }

  /** Every module of one environment, in path order. */
  modules(environment?: ModuleEnvironment): ModuleConfig[] {
    const all = [...this.#modules.values()];
    const selected = environment === undefined ? all : all.filter((module) => module.environment === environment);
    return selected.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  }

  /** The decoded source map of a module, or `null` when it has none (or a broken one). */
  sourceMap(path: string): SourceMapIndex | null {
    if (this.#maps.has(path)) return this.#maps.get(path) ?? null;
    const json = this.#modules.get(path)?.sourceMap;
    let index: SourceMapIndex | null = null;
    if (json !== undefined) {
      try {
        index = SourceMapIndex.parse(json);
      } catch {
        index = null;
      }
    }
    this.#maps.set(path, index);
    return index;
  }
}
