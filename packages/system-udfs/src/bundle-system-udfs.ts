import { readdirSync } from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';

/** One bundled system module, in the shape of a pushed module (compat §2.3 `ModuleConfig`). */
export interface SystemModule {
  /** e.g. `_system/cli/tables.js` */
  readonly path: string;
  readonly source: string;
  readonly sourceMap: string;
  readonly environment: 'isolate';
}

const sourceRoot = path.dirname(new URL(import.meta.url).pathname);
const folders = ['cli', 'frontend'];

/**
 * Bundles the system functions the way the official CLI bundles an app (ESM for the browser
 * platform, shared code split into `_deps/`), under the `_system/` path. The backend does this
 * once at start-up and adds the result to every deployment's modules.
 *
 * @example
 * const modules = await bundleSystemUdfs();
 * modules.map((m) => m.path); // ['_system/cli/tables.js', …, '_system/_deps/…js']
 */
export async function bundleSystemUdfs(): Promise<SystemModule[]> {
  const entryPoints = folders.flatMap((folder) =>
    readdirSync(path.join(sourceRoot, folder))
      .filter((file) => file.endsWith('.ts') && !file.endsWith('.test.ts'))
      .map((file) => path.join(sourceRoot, folder, file)),
  );
  const outdir = path.join(sourceRoot, '..', 'virtual-out', '_system');
  const result = await build({
    entryPoints,
    outbase: sourceRoot,
    outdir,
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'browser',
    target: 'esnext',
    splitting: true,
    chunkNames: '_deps/[hash]',
    sourcemap: 'external',
    minifySyntax: true,
    keepNames: true,
    conditions: ['@selfhost/source', 'convex', 'module'],
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'silent',
  });
  const maps = new Map<string, string>();
  for (const file of result.outputFiles) if (file.path.endsWith('.js.map')) maps.set(file.path.slice(0, -4), file.text);
  return result.outputFiles
    .filter((file) => file.path.endsWith('.js'))
    .map((file) => ({
      path: `_system/${path.relative(outdir, file.path).split(path.sep).join('/')}`,
      source: file.text,
      sourceMap: maps.get(file.path) ?? '',
      environment: 'isolate' as const,
    }));
}
