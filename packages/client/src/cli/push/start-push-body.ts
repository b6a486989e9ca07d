import type {
  GetConfigHashesResponse,
  ModuleConfig,
  ModuleHashConfig,
  NodeDependency,
} from '@selfhost/protocol';
import type { AppBundle } from '../bundle/bundle-app.ts';
import { moduleHash } from '../bundle/module-hash.ts';
import { CLI_VERSION } from '../http/cli-client-version.ts';

/**
 * The body of `start_push` / `evaluate_push` as the CLI sends it (the official CLI's field set
 * for an app without components).
 *
 * @example
 * ```ts
 * const body: StartPushBody = startPushBody({ app, adminKey, functions: 'convex/', dryRun: false, nodeVersion: undefined, remote: null });
 * ```
 */
export interface StartPushBody {
  readonly adminKey: string;
  readonly dryRun: boolean;
  readonly functions: string;
  readonly appDefinition: {
    readonly definition: ModuleConfig | null;
    readonly dependencies: string[];
    readonly schema: ModuleConfig | null;
    readonly changedModules: ModuleConfig[];
    readonly unchangedModuleHashes: ModuleHashConfig[];
    readonly udfServerVersion: string;
  };
  readonly componentDefinitions: [];
  readonly nodeDependencies: NodeDependency[];
  readonly nodeVersion?: string;
  readonly forCodegen: boolean;
}

/**
 * Builds the `start_push` body. Modules whose path, environment and hash match what the
 * deployment reported (`remote`, from `get_config_hashes`) are sent by hash only
 * (`unchangedModuleHashes`); the rest in full (`changedModules`).
 *
 * @example
 * ```ts
 * const body = startPushBody({ app, adminKey, functions: config.functions, dryRun: false, nodeVersion: undefined, remote: hashes });
 * body.appDefinition.changedModules.length;
 * ```
 */
export function startPushBody(input: {
  readonly app: Pick<AppBundle, 'definition' | 'schema' | 'modules' | 'nodeDependencies'>;
  readonly adminKey: string;
  readonly functions: string;
  readonly dryRun: boolean;
  readonly nodeVersion: string | undefined;
  readonly remote: Pick<GetConfigHashesResponse, 'moduleHashes'> | null;
}): StartPushBody {
  const { changedModules, unchangedModuleHashes } = partitionModules(
    input.app.modules,
    input.remote?.moduleHashes ?? [],
  );
  return {
    adminKey: input.adminKey,
    dryRun: input.dryRun,
    functions: input.functions,
    appDefinition: {
      definition: input.app.definition,
      dependencies: [],
      schema: input.app.schema,
      changedModules,
      unchangedModuleHashes,
      udfServerVersion: CLI_VERSION,
    },
    componentDefinitions: [],
    nodeDependencies: input.app.nodeDependencies,
    ...(input.nodeVersion === undefined ? {} : { nodeVersion: input.nodeVersion }),
    forCodegen: false,
  };
}

/**
 * Splits modules into those the deployment already has (same path, environment and hash) and
 * those to send.
 *
 * @example
 * ```ts
 * partitionModules(modules, [{ path: 'a.js', hash: moduleHash(a), environment: 'isolate' }]);
 * ```
 */
export function partitionModules(
  modules: readonly ModuleConfig[],
  remote: readonly { readonly path: string; readonly hash: string; readonly environment: string }[],
): { changedModules: ModuleConfig[]; unchangedModuleHashes: ModuleHashConfig[] } {
  const remoteByPath = new Map(remote.map((module) => [module.path, module]));
  const changedModules: ModuleConfig[] = [];
  const unchangedModuleHashes: ModuleHashConfig[] = [];
  for (const module of modules) {
    const hash = moduleHash(module);
    const existing = remoteByPath.get(module.path);
    if (
      existing !== undefined &&
      existing.environment === module.environment &&
      existing.hash === hash
    ) {
      unchangedModuleHashes.push({
        path: module.path,
        environment: module.environment,
        sha256: hash,
      });
    } else {
      changedModules.push(module);
    }
  }
  return { changedModules, unchangedModuleHashes };
}
