import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { CliContext } from '../cli-context.ts';
import type { Deployment } from '../config/deployment-settings.ts';
import { CLI_MANAGED_VARIABLES } from '../config/env-var-names.ts';
import { parseDotenv } from '../config/parse-dotenv.ts';
import { CliError } from '../errors/cli-error.ts';
import { DeploymentClient } from '../http/deployment-client.ts';
import { adminHttpClient } from '../system/admin-http-client.ts';
import { runSystemQuery } from '../system/system-queries.ts';
import { deploymentFromValues, stringValue, type CommandValues } from './command-values.ts';

/**
 * `selfhost env list | get | set | remove`: reads the variables with the system queries
 * `_system/cli/queryEnvironmentVariables(:get)` and changes them with
 * `POST /api/update_environment_variables` (compat spec §2.4).
 *
 * @example
 * ```ts
 * await envCommand(ctx, ['set', 'OPENAI_KEY', 'sk-…'], {});
 * ```
 */
export async function envCommand(
  ctx: CliContext,
  positionals: readonly string[],
  values: CommandValues,
): Promise<void> {
  const [action, name, value] = positionals;
  const deployment = deploymentFromValues(ctx, values);
  switch (action) {
    case 'list': {
      const variables = await listVariables(ctx, deployment);
      if (variables.length === 0)
        ctx.reporter.info(`No environment variables set on ${deployment.url}.`);
      for (const variable of variables)
        ctx.reporter.output(`${variable.name}=${dotenvValue(variable.value)}`);
      return;
    }
    case 'get': {
      if (name === undefined)
        throw new CliError('usage', 'Which variable? Usage: selfhost env get <name>');
      const found = (await runSystemQuery(
        adminHttpClient(ctx, deployment),
        '_system/cli/queryEnvironmentVariables:get',
        { name },
      )) as {
        value: string;
      } | null;
      if (found === null)
        throw new CliError(
          'not-found',
          `Environment variable "${name}" is not set on ${deployment.url}.`,
        );
      ctx.reporter.output(found.value);
      return;
    }
    case 'set':
      return await setVariables(ctx, deployment, { name, value, values });
    case 'remove':
    case 'unset':
    case 'rm': {
      if (name === undefined)
        throw new CliError('usage', 'Which variable? Usage: selfhost env remove <name>');
      await update(ctx, deployment, [{ name, value: null }]);
      ctx.reporter.step(`Removed ${name} from ${deployment.url}`);
      return;
    }
    case undefined:
    default:
      throw new CliError(
        'usage',
        `Unknown env action "${action ?? ''}". Usage: selfhost env <list | get <name> | set <name> [value] | remove <name>>`,
      );
  }
}

async function listVariables(
  ctx: CliContext,
  deployment: Deployment,
): Promise<{ name: string; value: string }[]> {
  return (await runSystemQuery(
    adminHttpClient(ctx, deployment),
    '_system/cli/queryEnvironmentVariables',
    {},
  )) as {
    name: string;
    value: string;
  }[];
}

async function update(
  ctx: CliContext,
  deployment: Deployment,
  changes: { name: string; value: string | null }[],
): Promise<void> {
  await new DeploymentClient(ctx, deployment).post('/api/update_environment_variables', {
    changes,
  });
}

async function setVariables(
  ctx: CliContext,
  deployment: Deployment,
  input: {
    readonly name: string | undefined;
    readonly value: string | undefined;
    readonly values: CommandValues;
  },
): Promise<void> {
  const fromFile = stringValue(input.values, 'from-file');
  const readFile = (file: string) => {
    try {
      return readFileSync(path.resolve(ctx.cwd, file), 'utf8');
    } catch (error) {
      throw new CliError('usage', `Cannot read ${file}: ${(error as Error).message}`, {
        cause: error,
      });
    }
  };
  if (input.name !== undefined) {
    let [name, value] = [input.name, input.value];
    const assignment = /^([a-zA-Z][a-zA-Z0-9_]*)=([\s\S]*)$/.exec(name);
    if (assignment !== null) {
      if (value !== undefined) {
        throw new CliError(
          'usage',
          `Give either NAME=value or NAME value, not both. Missing quotes? Try: selfhost env set '${name} ${value}'`,
        );
      }
      [name, value] = [assignment[1] ?? '', assignment[2] ?? ''];
    }
    if (value === undefined && fromFile !== undefined) value = readFile(fromFile);
    if (value === undefined && !ctx.stdin.isTty) value = await ctx.stdin.readAll();
    if (value === undefined)
      throw new CliError(
        'usage',
        `Which value? Usage: selfhost env set ${name} <value> (or pipe it on stdin).`,
      );
    await update(ctx, deployment, [{ name, value }]);
    ctx.reporter.step(`Set ${name} on ${deployment.url}`);
    return;
  }
  let content: string;
  let source: string;
  if (fromFile !== undefined) [content, source] = [readFile(fromFile), fromFile];
  else if (!ctx.stdin.isTty) [content, source] = [await ctx.stdin.readAll(), 'stdin'];
  else
    throw new CliError(
      'usage',
      'What to set? Usage: selfhost env set <name> <value>, or --from-file <.env file>',
    );
  const parsed = Object.entries(parseDotenv(content));
  const skipped = parsed.filter(([name]) => CLI_MANAGED_VARIABLES.has(name)).map(([name]) => name);
  if (skipped.length > 0)
    ctx.reporter.info(`Skipping variables the CLI manages: ${skipped.join(', ')}`);
  const wanted = parsed.filter(([name]) => !CLI_MANAGED_VARIABLES.has(name));
  if (wanted.length === 0) {
    ctx.reporter.info(`No environment variables to set in ${source}.`);
    return;
  }
  const existing = new Map(
    (await listVariables(ctx, deployment)).map((variable) => [variable.name, variable.value]),
  );
  const force = input.values['force'] === true;
  const conflicts = wanted
    .filter(([name, value]) => existing.has(name) && existing.get(name) !== value)
    .map(([name]) => name);
  if (conflicts.length > 0 && !force) {
    throw new CliError(
      'usage',
      `${conflicts.join(', ')} already set with ${conflicts.length === 1 ? 'another value' : 'other values'}. Pass --force to overwrite.`,
    );
  }
  const changes = wanted
    .filter(([name, value]) => existing.get(name) !== value)
    .map(([name, value]) => ({ name, value }));
  if (changes.length > 0) await update(ctx, deployment, changes);
  const unchanged = wanted.length - changes.length;
  ctx.reporter.step(
    `Set ${changes.length} environment variable${changes.length === 1 ? '' : 's'} from ${source} on ${deployment.url}${unchanged > 0 ? ` (${unchanged} unchanged)` : ''}`,
  );
}

/** A value as `dotenv` reads it back: bare when safe, else single, back or double quotes. */
function dotenvValue(value: string): string {
  if (/^[^\s#"'`\\]*$/.test(value)) return value;
  if (!value.includes("'") && !value.includes('\n')) return `'${value}'`;
  if (!value.includes('`')) return `\`${value}\``;
  return `"${value.replace(/\n/g, '\\n')}"`;
}
