import path from 'node:path';
import type { BuildOptions, Plugin } from 'esbuild';

/**
 * The esbuild options the official CLI bundles function modules with (convex
 * `src/bundler/debugBundle.ts`), so both CLIs push the same modules: ESM for `browser` (the
 * isolate) or `node`, `target: "esnext"`, code splitting into `chunksFolder` (`_deps`,
 * `_deps/node`), `minifySyntax` + `minifyIdentifiers` but not whitespace (source maps stay
 * usable), `keepNames`, `process.env.NODE_ENV = "production"`, conditions `convex`, `module`,
 * external source maps, outputs under `<cwd>/out/` relative to the functions directory.
 *
 * @example
 * ```ts
 * await esbuild.build(functionBundleOptions({ entryPoints, platform: 'browser', functionsDir, … }));
 * ```
 */
export function functionBundleOptions(options: {
  readonly entryPoints: readonly string[];
  readonly platform: 'browser' | 'node';
  readonly functionsDir: string;
  readonly absWorkingDir: string;
  readonly chunksFolder: string;
  readonly conditions: readonly string[];
  readonly plugins: Plugin[];
  readonly includeSourcesContent: boolean;
  readonly splitting: boolean;
}): BuildOptions & { write: false; metafile: true } {
  return {
    absWorkingDir: options.absWorkingDir,
    entryPoints: [...options.entryPoints],
    bundle: true,
    platform: options.platform,
    format: 'esm',
    target: 'esnext',
    jsx: 'automatic',
    outdir: 'out',
    outbase: options.functionsDir,
    conditions: ['convex', 'module', ...options.conditions],
    plugins: options.plugins,
    write: false,
    sourcemap: true,
    sourcesContent: options.includeSourcesContent,
    splitting: options.splitting,
    chunkNames: path.join(options.chunksFolder, '[hash]'),
    treeShaking: true,
    minifySyntax: true,
    minifyIdentifiers: true,
    minifyWhitespace: false,
    keepNames: true,
    define: { 'process.env.NODE_ENV': '"production"' },
    metafile: true,
    logLevel: 'silent',
  };
}

/**
 * The esbuild options for the app definition (`convex.config.js`), as the official CLI bundles
 * component definitions: one minified file, written in memory next to its source.
 *
 * @example
 * ```ts
 * await esbuild.build(definitionBundleOptions({ absWorkingDir: cwd, entryPoint: './convex/convex.config.ts', plugins }));
 * ```
 */
export function definitionBundleOptions(options: {
  readonly absWorkingDir: string;
  readonly entryPoint: string;
  readonly plugins: Plugin[];
}): BuildOptions & { write: false; metafile: true } {
  const root = path.parse(options.absWorkingDir).root;
  return {
    absWorkingDir: options.absWorkingDir,
    entryPoints: [options.entryPoint],
    plugins: options.plugins,
    sourcemap: true,
    bundle: true,
    platform: 'browser',
    format: 'esm',
    target: 'esnext',
    conditions: ['convex', 'module'],
    splitting: false,
    write: false,
    outdir: root,
    outbase: root,
    minify: true,
    keepNames: true,
    metafile: true,
    logLevel: 'silent',
  };
}
