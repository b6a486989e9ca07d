import type { CliContext } from '../cli-context.ts';
import { DeploymentClient } from '../http/deployment-client.ts';
import { watchLogs } from '../logs/watch-logs.ts';
import { deploymentFromValues, integerValue, type CommandValues } from './command-values.ts';

/**
 * `selfhost logs`: prints function log lines on stdout until Ctrl-C.
 *
 * @example
 * ```ts
 * await logsCommand(ctx, { history: '10' });
 * ```
 */
export async function logsCommand(ctx: CliContext, values: CommandValues): Promise<void> {
  const deployment = deploymentFromValues(ctx, values);
  ctx.reporter.info(`Watching logs of ${deployment.url}… (Ctrl-C to stop)`);
  await watchLogs(ctx, new DeploymentClient(ctx, deployment), {
    history: integerValue(values, 'history', 0),
    success: values['success'] === true,
    jsonl: values['jsonl'] === true,
    write: (line) => ctx.reporter.output(line),
  });
}
