import type { CliContext } from '../cli-context.ts';
import { bundleApp, type AppBundle } from '../bundle/bundle-app.ts';
import type { Deployment } from '../config/deployment-settings.ts';
import { readProjectConfig, type ProjectConfig } from '../config/project-config.ts';
import { detectServerPackage, type ServerPackage } from '../config/server-package.ts';
import { codegenInputFromDisk } from '../codegen/codegen-input-from-disk.ts';
import { generatedFiles } from '../codegen/generated-files.ts';
import { writeMissingGeneratedFiles } from '../codegen/write-generated-files.ts';
import { DeploymentClient } from '../http/deployment-client.ts';
import { RUNS_FROM_SOURCE } from '../runs-from-source.ts';
import { getConfigHashes } from './push-api.ts';
import { startPushBody, type StartPushBody } from './start-push-body.ts';

/**
 * Everything a push needs before it talks to the server about code: the project's config and
 * library, the bundled app, and the `start_push` body (unchanged modules by hash).
 *
 * @example
 * ```ts
 * const prepared = await preparePush(ctx, deployment, { dryRun: false, codegen: true, pushAllModules: false });
 * ```
 */
export interface PreparedPush {
  readonly config: ProjectConfig;
  readonly pkg: ServerPackage;
  readonly app: AppBundle;
  readonly body: StartPushBody;
  readonly client: DeploymentClient;
}

/**
 * Reads the project, writes any missing `_generated/` file (so that functions importing it can
 * be bundled), bundles the app, asks the deployment which modules it has
 * (`get_config_hashes`, unless `pushAllModules`) and builds the `start_push` body.
 *
 * @example
 * ```ts
 * const { body, client } = await preparePush(ctx, deployment, { dryRun: true, codegen: true, pushAllModules: false });
 * ```
 */
export async function preparePush(
  ctx: CliContext,
  deployment: Deployment,
  options: {
    readonly dryRun: boolean;
    readonly codegen: boolean;
    readonly pushAllModules: boolean;
  },
): Promise<PreparedPush> {
  const config = readProjectConfig(ctx.cwd);
  const pkg = detectServerPackage(ctx.cwd);
  const client = new DeploymentClient(ctx, deployment);
  ctx.reporter.progress('Bundling functions…');
  const app = await bundleApp({
    esbuild: ctx.esbuild,
    cwd: ctx.cwd,
    config,
    conditions: RUNS_FROM_SOURCE ? ['@selfhost/source'] : [],
    beforeBundle: options.codegen
      ? (functionsDir) =>
          writeMissingGeneratedFiles(
            functionsDir,
            generatedFiles(codegenInputFromDisk({ functionsDir, config, pkg, analysis: null })),
          )
      : undefined,
  });
  for (const warning of app.warnings) ctx.reporter.warn(`esbuild warning: ${warning.text}`);
  const remote = options.pushAllModules ? null : await getConfigHashes(client);
  const body = startPushBody({
    app,
    adminKey: deployment.adminKey,
    functions: config.functions,
    dryRun: options.dryRun,
    nodeVersion: config.nodeVersion,
    remote,
  });
  return { config, pkg, app, body, client };
}
