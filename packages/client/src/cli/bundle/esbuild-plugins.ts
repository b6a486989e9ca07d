import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Plugin } from 'esbuild';

/**
 * Isolate modules only: `async_hooks` (with or without `node:`) becomes the `AsyncLocalStorage`
 * and `AsyncResource` globals the isolate provides (compat spec §4.1).
 *
 * @example
 * ```ts
 * plugins: [asyncHooksShimPlugin('browser')]
 * ```
 */
export function asyncHooksShimPlugin(platform: 'browser' | 'node'): Plugin {
  return {
    name: 'convex-async-hooks-shim',
    setup(build) {
      if (platform !== 'browser') return;
      build.onResolve({ filter: /^(node:)?async_hooks$/ }, (args) => ({
        path: args.path,
        namespace: 'async-hooks-shim',
      }));
      build.onLoad({ filter: /.*/, namespace: 'async-hooks-shim' }, () => ({
        contents: `
            export const AsyncLocalStorage = globalThis.AsyncLocalStorage;
            export const AsyncResource = globalThis.AsyncResource;
            export default { AsyncLocalStorage, AsyncResource };
          `,
        loader: 'js',
      }));
    },
  };
}

/**
 * `import "server-only"` (Next.js) becomes an empty module, so such code can still be pushed.
 *
 * @example
 * ```ts
 * plugins: [serverOnlyPlugin]
 * ```
 */
export const serverOnlyPlugin: Plugin = {
  name: 'convex-server-only',
  setup(build) {
    build.onResolve({ filter: /^server-only$/ }, (args) => ({
      path: args.path,
      namespace: 'server-only-stub',
    }));
    build.onLoad({ filter: /.*/, namespace: 'server-only-stub' }, () => ({
      contents: '',
      loader: 'js',
    }));
  },
};

/**
 * `import wasm from "./x.wasm"` gives a compiled `WebAssembly.Module`, with the bytes embedded in
 * the bundle.
 *
 * @example
 * ```ts
 * plugins: [wasmPlugin]
 * ```
 */
export const wasmPlugin: Plugin = {
  name: 'convex-wasm',
  setup(build) {
    build.onResolve({ filter: /\.wasm$/ }, (args) => {
      if (args.namespace === 'wasm-stub') return { path: args.path, namespace: 'wasm-binary' };
      if (args.resolveDir === '') return undefined;
      return {
        path: path.isAbsolute(args.path) ? args.path : path.join(args.resolveDir, args.path),
        namespace: 'wasm-stub',
      };
    });
    build.onLoad({ filter: /.*/, namespace: 'wasm-stub' }, (args) => ({
      contents: `import wasm from ${JSON.stringify(args.path)}
          export default new WebAssembly.Module(wasm)`,
    }));
    build.onLoad({ filter: /.*/, namespace: 'wasm-binary' }, async (args) => ({
      contents: await readFile(args.path),
      loader: 'binary',
    }));
  },
};
