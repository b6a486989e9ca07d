import type { CliContext } from '../cli-context.ts';
import { runPush } from '../push/run-push.ts';
import {
  deploymentFromValues,
  stringValue,
  typecheckValue,
  type CommandValues,
} from './command-values.ts';

/**
 * `selfhost deploy`: one push, checked with `evaluate_push` first.
 *
 * @example
 * ```ts
 * await deployCommand(ctx, { yes: true, typecheck: 'disable' });
 * ```
 */
export async function deployCommand(ctx: CliContext, values: CommandValues): Promise<void> {
  const deployment = deploymentFromValues(ctx, values);
  const dryRun = values['dry-run'] === true;
  ctx.reporter.info(`Deploying to ${deployment.url}…${dryRun ? ' [dry run]' : ''}`);
  await runPush(ctx, deployment, {
    dryRun,
    typecheck: typecheckValue(values),
    codegen: stringValue(values, 'codegen') !== 'disable',
    evaluateFirst: true,
    yes: values['yes'] === true,
    message: stringValue(values, 'message') ?? null,
    pushAllModules: values['push-all-modules'] === true,
  });
  ctx.reporter.step(
    `${dryRun ? 'Would have deployed' : 'Deployed'} functions to ${deployment.url}`,
  );
}
