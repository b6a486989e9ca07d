import { build, buildSync, type BuildOptions } from 'esbuild';
import { fileURLToPath } from 'node:url';
import { SETUP_GLOBAL } from '../bridge/setup-global.ts';
import { RUNTIME_ORIGIN } from '../bridge/stack-frame.ts';

/**
 * The runtime script every isolate context runs first, bundled into one classic script.
 *
 * @example
 * ```ts
 * const { source, filename } = udfRuntimeBundle();
 * isolate.compileScriptSync(source, { filename });
 * ```
 */
export interface UdfRuntimeBundle {
  /**
   * The script text: an IIFE that defines the `__selfhostSetupContext` global, then a call of
   * it, whose result (the driver) is the script's completion value: the host sets the
   * `SETUP_ARGUMENT_GLOBALS` first and runs it with `script.run(context, { reference: true })`.
   */
  readonly source: string;
  /** Script origin to compile it with, so its frames can be told apart from user code. */
  readonly filename: string;
}

let cached: UdfRuntimeBundle | undefined;

/**
 * Where the in-isolate entry point lives. Source checkouts run the `.ts` files directly; a
 * built package ships `.js` next to this module.
 */
function entryPath(): string {
  const extension = import.meta.url.endsWith('.ts') ? '.ts' : '.js';
  return fileURLToPath(new URL(`../isolate/entry${extension}`, import.meta.url));
}

/**
 * Bundles the in-isolate runtime (`src/isolate/entry.ts` and what it imports) with esbuild
 * the first time it is asked for, then serves it from memory. Bundling takes a few tens of
 * milliseconds, once per process, so there is no separate build step (tests and the dev
 * server read the TypeScript sources).
 *
 * @example
 * ```ts
 * const bundle = udfRuntimeBundle();
 * bundle.source.length > 0; // true
 * ```
 */
export function udfRuntimeBundle(): UdfRuntimeBundle {
  cached ??= fromOutput(buildSync(buildOptions()).outputFiles[0]);
  return cached;
}

/**
 * Bundles the runtime without blocking (through esbuild's shared service, not a new esbuild
 * process as `buildSync` starts), so a server can do it while it opens its database; the
 * later {@link udfRuntimeBundle} calls are then served from memory.
 *
 * @example
 * ```ts
 * await Promise.all([preloadUdfRuntimeBundle(), openDatabase(options)]);
 * ```
 */
export async function preloadUdfRuntimeBundle(): Promise<UdfRuntimeBundle> {
  if (cached !== undefined) return cached;
  const output = (await build(buildOptions())).outputFiles[0];
  cached ??= fromOutput(output);
  return cached;
}

function buildOptions(): BuildOptions & { write: false } {
  return {
    entryPoints: [entryPath()],
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'neutral',
    target: 'es2023',
    minifySyntax: true,
    legalComments: 'none',
    logLevel: 'silent',
  };
}

function fromOutput(output: { readonly text: string } | undefined): UdfRuntimeBundle {
  if (output === undefined) throw new Error('esbuild produced no udf-runtime bundle');
  // The script ends by setting the context up: its completion value is the driver, so the
  // host gets it from the call that runs the script.
  return Object.freeze({ source: `${output.text};globalThis.${SETUP_GLOBAL}();\n`, filename: RUNTIME_ORIGIN });
}
