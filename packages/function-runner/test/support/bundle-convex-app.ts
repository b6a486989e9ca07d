// Bundles a Convex app's `convex/` directory the way the official CLI does
// (convex/src/bundler/index.ts + debugBundle.ts `innerEsbuild`, convex 1.48): isolate entry
// points for platform browser with code splitting into `_deps/`, `"use node"` entry points
// for platform node into `_deps/node/`, `auth.config` as one unsplit module and `schema` on
// its own, all ESM, target esnext, minifySyntax + minifyIdentifiers + keepNames,
// `process.env.NODE_ENV` = "production", conditions `convex`/`module`, linked source maps
// without sourcesContent, and `async_hooks` rewritten to the isolate globals.
import { build, type Plugin } from 'esbuild';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { ModuleConfig } from '../../src/modules/module-config.ts';

const ENTRY_EXTENSIONS = ['.js', '.mjs', '.cjs', '.ts', '.tsx', '.mts', '.cts', '.jsx'];
const USE_NODE = /^\s*("|')use node("|');?\s*$/m;

const asyncHooksShim: Plugin = {
  name: 'convex-async-hooks-shim',
  setup(build) {
    if (build.initialOptions.platform !== 'browser') return;
    build.onResolve({ filter: /^(node:)?async_hooks$/ }, (args) => ({ path: args.path, namespace: 'async-hooks-shim' }));
    build.onLoad({ filter: /.*/, namespace: 'async-hooks-shim' }, () => ({
      contents:
        'export const AsyncLocalStorage = globalThis.AsyncLocalStorage;\n' +
        'export const AsyncResource = globalThis.AsyncResource;\n' +
        'export default { AsyncLocalStorage, AsyncResource };\n',
      loader: 'js',
    }));
  },
};

function walk(dir: string, root: string, out: string[]): void {
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) walk(full, root, out);
    else out.push(full);
  }
}

function entryPoints(convexDir: string): { isolate: string[]; node: string[] } {
  const files: string[] = [];
  walk(convexDir, convexDir, files);
  const isolate: string[] = [];
  const node: string[] = [];
  for (const file of files) {
    const rel = path.relative(convexDir, file);
    const base = path.basename(file);
    if (!ENTRY_EXTENSIONS.some((ext) => rel.endsWith(ext))) continue;
    if (rel.startsWith(`_generated${path.sep}`) || base.startsWith('.') || base.startsWith('#')) continue;
    if (base === 'schema.ts' || base === 'schema.js' || rel.includes(' ')) continue;
    if ((base.match(/\./g) ?? []).length > 1) continue;
    if (USE_NODE.test(readFileSync(file, 'utf8'))) node.push(file);
    else isolate.push(file);
  }
  return { isolate, node };
}

async function bundle(input: {
  readonly appRoot: string;
  readonly convexDir: string;
  readonly entries: readonly string[];
  readonly platform: 'browser' | 'node';
  readonly chunksFolder: string;
  readonly splitting: boolean;
  readonly conditions?: readonly string[];
}): Promise<ModuleConfig[]> {
  if (input.entries.length === 0) return [];
  const result = await build({
    absWorkingDir: input.appRoot,
    entryPoints: [...input.entries],
    bundle: true,
    platform: input.platform,
    format: 'esm',
    target: 'esnext',
    jsx: 'automatic',
    outdir: 'out',
    outbase: input.convexDir,
    conditions: ['convex', 'module', ...(input.conditions ?? [])],
    plugins: [asyncHooksShim],
    write: false,
    sourcemap: true,
    sourcesContent: false,
    splitting: input.splitting,
    chunkNames: path.join(input.chunksFolder, '[hash]'),
    treeShaking: true,
    minifySyntax: true,
    minifyIdentifiers: true,
    minifyWhitespace: false,
    keepNames: true,
    define: { 'process.env.NODE_ENV': '"production"' },
    metafile: true,
    logLevel: 'silent',
  });
  const outDir = path.join(input.appRoot, 'out');
  const maps = new Map<string, string>();
  const modules: { path: string; source: string }[] = [];
  for (const file of result.outputFiles) {
    const rel = path.relative(outDir, file.path).split(path.sep).join('/');
    if (rel.endsWith('.map')) maps.set(rel, file.text);
    else modules.push({ path: rel, source: file.text });
  }
  const environment = input.platform === 'node' ? 'node' : 'isolate';
  return modules.map((module) => ({ ...module, sourceMap: maps.get(`${module.path}.map`), environment }));
}

/**
 * Bundles `<appRoot>/convex` into the modules `npx convex deploy` would push. Extra
 * `conditions` let workspace packages resolve to their sources (`@selfhost/source`).
 *
 * @example
 * ```ts
 * const modules = await bundleConvexApp(path.join(import.meta.dirname, '../fixtures/app-official'));
 * ```
 */
export async function bundleConvexApp(appRoot: string, options: { readonly conditions?: readonly string[] } = {}): Promise<ModuleConfig[]> {
  const convexDir = path.join(appRoot, 'convex');
  const { isolate, node } = entryPoints(convexDir);
  const common = { appRoot, convexDir, ...(options.conditions ? { conditions: options.conditions } : {}) };
  const modules: ModuleConfig[] = [
    ...(await bundle({ ...common, entries: isolate, platform: 'browser', chunksFolder: '_deps', splitting: true })),
    ...(await bundle({ ...common, entries: node, platform: 'node', chunksFolder: path.join('_deps', 'node'), splitting: true })),
  ];
  for (const name of ['auth.config.ts', 'auth.config.js']) {
    const file = path.join(convexDir, name);
    if (existsSync(file)) modules.push(...(await bundle({ ...common, entries: [file], platform: 'browser', chunksFolder: '_deps', splitting: false })));
  }
  for (const name of ['schema.ts', 'schema.js']) {
    const file = path.join(convexDir, name);
    if (existsSync(file)) {
      modules.push(...(await bundle({ ...common, entries: [file], platform: 'browser', chunksFolder: '_deps', splitting: true })));
      break;
    }
  }
  return modules;
}
