import path from 'node:path';
import type { ModuleConfig, NodeDependency } from '@selfhost/protocol';
import type { Message, Plugin } from 'esbuild';
import type { EsbuildApi } from '../cli-context.ts';
import { bundleError, isBuildFailure } from './bundle-errors.ts';
import { functionBundleOptions } from './bundle-options.ts';
import { asyncHooksShimPlugin, serverOnlyPlugin, wasmPlugin } from './esbuild-plugins.ts';
import { externalsPlugin, nodeDependencies } from './external-packages.ts';

/**
 * What one esbuild run produced: the modules in push form, the external packages they import,
 * the files esbuild read (absolute; `dev` watches them) and esbuild's warnings.
 *
 * @example
 * ```ts
 * const result: BundleResult = { modules: [], nodeDependencies: [], inputs: [], warnings: [] };
 * ```
 */
export interface BundleResult {
  readonly modules: ModuleConfig[];
  readonly nodeDependencies: NodeDependency[];
  readonly inputs: string[];
  readonly warnings: Message[];
}

/**
 * Bundles entry points of the functions directory for one platform with the official CLI's
 * options ({@link functionBundleOptions}). Output paths are POSIX paths relative to the functions
 * directory with `.js` (`messages.js`, `_deps/ABC.js`); each module carries its source map.
 * Throws a `bundle` error with esbuild's messages on failure.
 *
 * @example
 * ```ts
 * const { modules } = await bundleModules({ esbuild, cwd, functionsDir, entryPoints, platform: 'browser' });
 * ```
 */
export async function bundleModules(options: {
  readonly esbuild: EsbuildApi;
  readonly cwd: string;
  readonly functionsDir: string;
  readonly entryPoints: readonly string[];
  readonly platform: 'browser' | 'node';
  readonly chunksFolder?: string;
  readonly externalPackages?: ReadonlyMap<string, string>;
  readonly conditions?: readonly string[];
  readonly includeSourcesContent?: boolean;
  readonly splitting?: boolean;
}): Promise<BundleResult> {
  const empty: BundleResult = { modules: [], nodeDependencies: [], inputs: [], warnings: [] };
  if (options.entryPoints.length === 0) return empty;
  const externals = externalsPlugin(options.externalPackages ?? new Map());
  const plugins: Plugin[] = [
    asyncHooksShimPlugin(options.platform),
    serverOnlyPlugin,
    externals.plugin,
    wasmPlugin,
  ];
  let result;
  try {
    result = await options.esbuild.build(
      functionBundleOptions({
        entryPoints: options.entryPoints,
        platform: options.platform,
        functionsDir: options.functionsDir,
        absWorkingDir: options.cwd,
        chunksFolder: options.chunksFolder ?? '_deps',
        conditions: options.conditions ?? [],
        plugins,
        includeSourcesContent: options.includeSourcesContent ?? false,
        splitting: options.splitting ?? true,
      }),
    );
  } catch (error) {
    if (isBuildFailure(error))
      throw await bundleError(options.esbuild, error.errors, {
        platform: options.platform,
        cwd: options.cwd,
      });
    throw error;
  }
  if (result.errors.length > 0) {
    throw await bundleError(options.esbuild, result.errors, {
      platform: options.platform,
      cwd: options.cwd,
    });
  }
  const outDir = path.join(options.cwd, 'out');
  const sourceMaps = new Map<string, string>();
  const modules: ModuleConfig[] = [];
  const environment = options.platform === 'node' ? 'node' : 'isolate';
  for (const file of result.outputFiles) {
    const relPath = path.relative(outDir, file.path).split(path.sep).join('/');
    if (relPath.endsWith('.map')) sourceMaps.set(relPath, file.text);
    else modules.push({ path: relPath, source: file.text, sourceMap: undefined, environment });
  }
  return {
    modules: modules.map((module) => ({
      ...module,
      sourceMap: sourceMaps.get(`${module.path}.map`),
    })),
    nodeDependencies: nodeDependencies(options.externalPackages ?? new Map(), externals.used),
    inputs: inputFiles(options.cwd, result.metafile.inputs),
    warnings: result.warnings,
  };
}

/**
 * The real files among esbuild's inputs, as absolute paths (plugin namespaces are left out).
 *
 * @example
 * ```ts
 * inputFiles('/app', { 'convex/messages.ts': …, 'async-hooks-shim:async_hooks': … }); // ['/app/convex/messages.ts']
 * ```
 */
export function inputFiles(cwd: string, inputs: Readonly<Record<string, unknown>>): string[] {
  return Object.keys(inputs)
    .filter((input) => !/^[a-z-]+:/.test(input) && !input.includes('(disabled):'))
    .map((input) => path.resolve(cwd, input));
}
