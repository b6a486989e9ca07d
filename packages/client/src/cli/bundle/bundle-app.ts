import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import type { ModuleConfig, NodeDependency } from '@selfhost/protocol';
import type { Message } from 'esbuild';
import type { EsbuildApi } from '../cli-context.ts';
import { functionsDirectory, type ProjectConfig } from '../config/project-config.ts';
import { CliError } from '../errors/cli-error.ts';
import { bundleDefinition } from './bundle-definition.ts';
import { bundleModules } from './bundle-modules.ts';
import { findEntryPoints } from './entry-points.ts';
import { availableExternalPackages } from './external-packages.ts';
import { entryPointsByEnvironment } from './module-environment.ts';

/**
 * A whole app bundled for a push: the app definition, `schema.js`, every function module
 * (isolate modules, then `"use node"` modules, then `auth.config.js` — the official CLI's order),
 * the npm packages `"use node"` modules import, and the files read (for `dev` to watch).
 *
 * @example
 * ```ts
 * const app: AppBundle = await bundleApp({ esbuild, cwd, config });
 * app.modules.map((m) => `${m.environment} ${m.path}`);
 * ```
 */
export interface AppBundle {
  readonly functionsDir: string;
  readonly definition: ModuleConfig | null;
  readonly schema: ModuleConfig | null;
  readonly modules: ModuleConfig[];
  readonly nodeDependencies: NodeDependency[];
  readonly inputs: string[];
  readonly warnings: Message[];
}

/**
 * Bundles the project's functions the way the official CLI's push does (convex
 * `components/definition/bundle.ts` `bundleImplementations`): schema, isolate entry points
 * (`platform: "browser"`, chunks in `_deps/`), Node entry points (`platform: "node"`, chunks in
 * `_deps/node/`, `node.externalPackages` left as imports) and the auth config (one file, no
 * splitting). Nothing is sent anywhere.
 *
 * @example
 * ```ts
 * const app = await bundleApp({ esbuild, cwd: '/app', config: readProjectConfig('/app'), conditions: [] });
 * ```
 */
export async function bundleApp(options: {
  readonly esbuild: EsbuildApi;
  readonly cwd: string;
  readonly config: ProjectConfig;
  /** Extra import conditions (the CLI adds `@selfhost/source` when it runs from source). */
  readonly conditions?: readonly string[];
  /** Runs once the functions directory is known to exist, before anything is bundled. */
  readonly beforeBundle?: ((functionsDir: string) => void) | undefined;
}): Promise<AppBundle> {
  const { esbuild, cwd, config } = options;
  const functionsDir = functionsDirectory(cwd, config);
  if (!existsSync(functionsDir) || !statSync(functionsDir).isDirectory()) {
    throw new CliError(
      'project',
      `No functions directory at ${path.relative(cwd, functionsDir) || '.'}/. Run \`selfhost init\` to create one, or set "functions" in convex.json.`,
    );
  }
  options.beforeBundle?.(functionsDir);
  const conditions = options.conditions ?? [];
  const shared = {
    esbuild,
    cwd,
    functionsDir,
    conditions,
    includeSourcesContent: config.includeSourcesContent,
  };
  const definition = await bundleDefinition({ esbuild, cwd, functionsDir });
  const schema = await bundleSchema(shared);
  const { isolate, node } = entryPointsByEnvironment(functionsDir, findEntryPoints(functionsDir));
  const isolateResult = await bundleModules({
    ...shared,
    entryPoints: isolate,
    platform: 'browser',
  });
  const nodeResult = await bundleModules({
    ...shared,
    entryPoints: node,
    platform: 'node',
    chunksFolder: path.join('_deps', 'node'),
    externalPackages: availableExternalPackages(cwd, config.externalPackages),
  });
  const auth = await bundleAuthConfig(shared);
  return {
    functionsDir,
    definition,
    schema: schema.modules[0] ?? null,
    modules: [...isolateResult.modules, ...nodeResult.modules, ...auth.modules],
    nodeDependencies: nodeResult.nodeDependencies,
    inputs: [
      ...new Set([...schema.inputs, ...isolateResult.inputs, ...nodeResult.inputs, ...auth.inputs]),
    ],
    warnings: [
      ...schema.warnings,
      ...isolateResult.warnings,
      ...nodeResult.warnings,
      ...auth.warnings,
    ],
  };
}

type SharedOptions = {
  readonly esbuild: EsbuildApi;
  readonly cwd: string;
  readonly functionsDir: string;
  readonly conditions: readonly string[];
  readonly includeSourcesContent: boolean;
};

async function bundleSchema(shared: SharedOptions) {
  const ts = path.join(shared.functionsDir, 'schema.ts');
  const js = path.join(shared.functionsDir, 'schema.js');
  const entry = existsSync(ts) ? ts : existsSync(js) ? js : undefined;
  if (entry === undefined) return { modules: [], inputs: [], warnings: [], nodeDependencies: [] };
  // The official CLI bundles the schema without `includeSourcesContent`.
  return await bundleModules({
    ...shared,
    includeSourcesContent: false,
    entryPoints: [entry],
    platform: 'browser',
  });
}

async function bundleAuthConfig(shared: SharedOptions) {
  const ts = path.join(shared.functionsDir, 'auth.config.ts');
  const js = path.join(shared.functionsDir, 'auth.config.js');
  if (existsSync(ts) && existsSync(js)) {
    throw new CliError('project', `Found both ${js} and ${ts}: keep one.`);
  }
  const entry = existsSync(ts) ? ts : existsSync(js) ? js : undefined;
  if (entry === undefined) return { modules: [], inputs: [], warnings: [], nodeDependencies: [] };
  return await bundleModules({
    ...shared,
    includeSourcesContent: false,
    entryPoints: [entry],
    platform: 'browser',
    splitting: false,
  });
}
