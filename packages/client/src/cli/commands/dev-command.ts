import type { CliContext } from '../cli-context.ts';
import { functionsDirectory, readProjectConfig } from '../config/project-config.ts';
import { isCliError } from '../errors/cli-error.ts';
import { DeploymentClient } from '../http/deployment-client.ts';
import { watchLogs } from '../logs/watch-logs.ts';
import { runPush, type PushOptions } from '../push/run-push.ts';
import { waitForChange } from '../watch/wait-for-change.ts';
import {
  deploymentFromValues,
  stringValue,
  typecheckValue,
  type CommandValues,
} from './command-values.ts';

/**
 * `selfhost dev`: pushes, then watches the files and pushes again after every change, tailing
 * function logs meanwhile (on stderr, held back during a push with `pause-on-deploy`). A failed
 * push is reported and retried after the next change (or, when the backend is unreachable,
 * after a pause). With `--once`: one push, and its failure is the command's.
 *
 * @example
 * ```ts
 * await devCommand(ctx, { once: true, typecheck: 'disable' });
 * ```
 */
export async function devCommand(ctx: CliContext, values: CommandValues): Promise<void> {
  const deployment = deploymentFromValues(ctx, values);
  const options: PushOptions = {
    dryRun: false,
    typecheck: typecheckValue(values),
    codegen: stringValue(values, 'codegen') !== 'disable',
    evaluateFirst: false,
    yes: false,
    message: null,
    pushAllModules: values['push-all-modules'] === true,
  };
  const pushOnce = async () => {
    const start = performance.now();
    const result = await runPush(ctx, deployment, options);
    ctx.reporter.step(
      `${clockTime()} Convex functions ready! (${duration(performance.now() - start)})`,
    );
    return result;
  };
  if (values['once'] === true) {
    await pushOnce();
    return;
  }
  const tailLogs = stringValue(values, 'tail-logs') ?? 'pause-on-deploy';
  const held: string[] = [];
  let pushing = false;
  const write = (line: string) =>
    pushing && tailLogs === 'pause-on-deploy' ? held.push(line) : ctx.reporter.info(line);
  const logs =
    tailLogs === 'disable'
      ? Promise.resolve()
      : watchLogs(ctx, new DeploymentClient(ctx, deployment), {
          history: 0,
          success: false,
          jsonl: false,
          write,
        }).catch((error: unknown) =>
          ctx.reporter.warn(`Stopped showing logs: ${(error as Error).message}`),
        );
  let inputs: readonly string[] = [];
  let failures = 0;
  while (!ctx.signal.aborted) {
    pushing = true;
    let retryWithoutChange = false;
    try {
      inputs = (await pushOnce()).inputs;
      failures = 0;
    } catch (error) {
      if (
        !isCliError(error) ||
        error.code === 'auth' ||
        error.code === 'config' ||
        ctx.signal.aborted
      )
        throw error;
      ctx.reporter.failure(error.message);
      retryWithoutChange = error.code === 'unreachable';
    } finally {
      pushing = false;
      for (const line of held.splice(0)) ctx.reporter.info(line);
    }
    if (retryWithoutChange) {
      failures++;
      const delay = Math.min(500 * 2 ** failures, 16_000);
      ctx.reporter.warn(`Retrying in ${duration(delay)}…`);
      await new Promise((resolve) => setTimeout(resolve, delay));
      continue;
    }
    ctx.reporter.progress('Watching for file changes… (Ctrl-C to stop)');
    const functionsDir = functionsDirectory(ctx.cwd, readProjectConfig(ctx.cwd));
    if (
      (await waitForChange({ cwd: ctx.cwd, functionsDir, inputs, signal: ctx.signal })) ===
      'aborted'
    )
      break;
  }
  await logs;
}

function clockTime(): string {
  return new Date().toLocaleTimeString('en-US', { hour12: false });
}

function duration(ms: number): string {
  return ms < 1000 ? `${Math.round(ms)}ms` : `${(ms / 1000).toFixed(2)}s`;
}
