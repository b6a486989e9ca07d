import { commandHelp, generalHelp } from './args/help-text.ts';
import { parseCommandLine } from './args/parse-command-line.ts';
import type { CliContext } from './cli-context.ts';
import { codegenCommand } from './commands/codegen-command.ts';
import { dataCommand } from './commands/data-command.ts';
import { deployCommand } from './commands/deploy-command.ts';
import { devCommand } from './commands/dev-command.ts';
import { envCommand } from './commands/env-command.ts';
import { initCommand } from './commands/init-command.ts';
import { logsCommand } from './commands/logs-command.ts';
import { runCommand } from './commands/run-command.ts';
import { cliErrorFromUnknown, isCliError } from './errors/cli-error.ts';
import { CLI_VERSION } from './http/cli-client-version.ts';

/**
 * Runs one `selfhost` command line and returns the exit code: 0 on success, 1 on any failure,
 * whose message (what went wrong, what to do) is printed on stderr.
 *
 * @example
 * ```ts
 * const code = await runCli(['deploy', '--yes'], ctx);
 * ```
 */
export async function runCli(argv: readonly string[], ctx: CliContext): Promise<number> {
  try {
    const line = parseCommandLine(argv);
    switch (line.kind) {
      case 'help':
        ctx.reporter.output(line.command === undefined ? generalHelp() : commandHelp(line.command));
        return 0;
      case 'version':
        ctx.reporter.output(`selfhost CLI (convex CLI ${CLI_VERSION} compatible)`);
        return 0;
      case 'command':
        break;
      default:
        return unreachable(line);
    }
    const { values, positionals, command } = line;
    switch (command) {
      case 'init':
        initCommand(ctx, values);
        break;
      case 'dev':
        await devCommand(ctx, values);
        break;
      case 'deploy':
        await deployCommand(ctx, values);
        break;
      case 'codegen':
        await codegenCommand(ctx, values);
        break;
      case 'run':
        await runCommand(ctx, positionals, values);
        break;
      case 'env':
        await envCommand(ctx, positionals, values);
        break;
      case 'logs':
        await logsCommand(ctx, values);
        break;
      case 'data':
        await dataCommand(ctx, positionals, values);
        break;
      default:
        return unreachable(command);
    }
    return 0;
  } catch (thrown) {
    if (ctx.signal.aborted && !isCliError(thrown)) return 130;
    const error = cliErrorFromUnknown(thrown);
    ctx.reporter.failure(error.message);
    if (!isCliError(thrown) && thrown instanceof Error && thrown.stack !== undefined)
      ctx.reporter.info(thrown.stack);
    return 1;
  }
}

function unreachable(value: never): never {
  throw new Error(`Unexpected ${JSON.stringify(value)}`);
}
