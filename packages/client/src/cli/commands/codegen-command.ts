import { existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { CliContext } from '../cli-context.ts';
import { functionsDirectory, readProjectConfig } from '../config/project-config.ts';
import { tsconfigTemplate } from '../init/templates.ts';
import { preparePush } from '../push/prepare-push.ts';
import { startPush } from '../push/push-api.ts';
import { codegenAndTypecheck } from '../push/run-push.ts';
import { deploymentFromValues, typecheckValue, type CommandValues } from './command-values.ts';

/**
 * `selfhost codegen`: `get_config_hashes` and a dry-run `start_push` (nothing changes on the
 * deployment), then `_generated/` from the analysis, then the type check.
 *
 * @example
 * ```ts
 * await codegenCommand(ctx, { typecheck: 'disable' });
 * ```
 */
export async function codegenCommand(ctx: CliContext, values: CommandValues): Promise<void> {
  const deployment = deploymentFromValues(ctx, values);
  if (values['init'] === true) {
    const tsconfig = path.join(
      functionsDirectory(ctx.cwd, readProjectConfig(ctx.cwd)),
      'tsconfig.json',
    );
    if (!existsSync(tsconfig) && existsSync(path.dirname(tsconfig)))
      writeFileSync(tsconfig, tsconfigTemplate());
  }
  const prepared = await preparePush(ctx, deployment, {
    dryRun: true,
    codegen: true,
    pushAllModules: false,
  });
  ctx.reporter.progress(`Analysing the functions on ${deployment.url}…`);
  const started = await startPush(prepared.client, prepared.body);
  await codegenAndTypecheck(ctx, prepared, {
    started,
    codegen: true,
    typecheck: typecheckValue(values),
    commonjs: values['commonjs'] === true,
  });
  ctx.reporter.step(
    `Generated ${path.relative(ctx.cwd, path.join(prepared.app.functionsDir, '_generated')) || '_generated'}/`,
  );
}
