import { existsSync } from 'node:fs';
import path from 'node:path';
import type { ModuleConfig } from '@selfhost/protocol';
import type { Plugin } from 'esbuild';
import type { EsbuildApi } from '../cli-context.ts';
import { CliError } from '../errors/cli-error.ts';
import { bundleError, isBuildFailure } from './bundle-errors.ts';
import { definitionBundleOptions } from './bundle-options.ts';

const VIRTUAL_NAMESPACE = 'convex-virtual-config';
const VIRTUAL_CONFIG = `import { defineApp } from "convex/server";\nconst app = defineApp();\nexport default app;`;

/**
 * The app definition module (`convex.config.js`, `appDefinition.definition`). With a
 * `convex.config.ts` (or `.js`) it is that file; without one, the official CLI pushes a generated
 * `defineApp()` from `convex/server`, and so do we when the project has `convex` installed —
 * otherwise (an app on `@selfhost/client` alone) there is none (`null`). Components (imports of
 * other `convex.config` files) are not supported by selfhost.
 *
 * @example
 * ```ts
 * const definition = await bundleDefinition({ esbuild, cwd, functionsDir });
 * definition?.path; // 'convex.config.js'
 * ```
 */
export async function bundleDefinition(options: {
  readonly esbuild: EsbuildApi;
  readonly cwd: string;
  readonly functionsDir: string;
}): Promise<ModuleConfig | null> {
  const { esbuild, cwd, functionsDir } = options;
  const configTs = path.join(functionsDir, 'convex.config.ts');
  const configJs = path.join(functionsDir, 'convex.config.js');
  const existing = existsSync(configTs) ? configTs : existsSync(configJs) ? configJs : undefined;
  if (existing === undefined && !hasInstalledConvex(functionsDir)) return null;
  // Like the official CLI, a missing config is named after the `.js` file it looked for last.
  const definitionPath = existing ?? configJs;
  const entryPoint = `./${path.relative(cwd, definitionPath).split(path.sep).join('/')}`;
  const plugins: Plugin[] = [noComponentsPlugin];
  if (existing === undefined) plugins.push(virtualConfigPlugin(entryPoint, functionsDir));
  let result;
  try {
    result = await esbuild.build(
      definitionBundleOptions({ absWorkingDir: cwd, entryPoint, plugins }),
    );
  } catch (error) {
    if (isBuildFailure(error))
      throw await bundleError(esbuild, error.errors, { platform: 'browser', cwd });
    throw error;
  }
  const js = result.outputFiles.find((file) => file.path.endsWith('.js'));
  if (js === undefined)
    throw new CliError('bundle', `esbuild produced no output for ${definitionPath}.`);
  const map = result.outputFiles.find((file) => file.path === `${js.path}.map`);
  return {
    path: path.relative(functionsDir, js.path).split(path.sep).join('/'),
    source: js.text,
    sourceMap: map?.text,
    environment: 'isolate',
  };
}

function hasInstalledConvex(from: string): boolean {
  let dir = from;
  for (;;) {
    if (existsSync(path.join(dir, 'node_modules', 'convex', 'package.json'))) return true;
    const parent = path.dirname(dir);
    if (parent === dir) return false;
    dir = parent;
  }
}

function virtualConfigPlugin(entryPoint: string, functionsDir: string): Plugin {
  const filter = new RegExp(`^${entryPoint.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);
  return {
    name: 'convex-virtual-config',
    setup(build) {
      build.onResolve({ filter }, (args) => ({ path: args.path, namespace: VIRTUAL_NAMESPACE }));
      build.onLoad({ filter, namespace: VIRTUAL_NAMESPACE }, () => ({
        contents: VIRTUAL_CONFIG,
        resolveDir: functionsDir,
      }));
    },
  };
}

const noComponentsPlugin: Plugin = {
  name: 'selfhost-no-components',
  setup(build) {
    build.onResolve({ filter: /convex\.config/ }, (args) => {
      if (args.kind === 'entry-point') return undefined;
      return {
        errors: [
          {
            text: `"${args.path}" is a component definition: components are not supported by selfhost yet. Remove app.use(…) from convex.config.ts.`,
          },
        ],
      };
    });
  },
};
