import JSON5 from 'json5';
import type { UserIdentityAttributes } from '@selfhost/protocol';
import { jsonToConvex, type JSONValue, type Value } from '@selfhost/values';
import type { CliContext } from '../cli-context.ts';
import { readProjectConfig } from '../config/project-config.ts';
import { CliError, isCliError } from '../errors/cli-error.ts';
import { formatValue } from '../output/format-value.ts';
import { runPush } from '../push/run-push.ts';
import { adminHttpClient } from '../system/admin-http-client.ts';
import { runSystemQuery } from '../system/system-queries.ts';
import {
  deploymentFromValues,
  stringValue,
  typecheckValue,
  type CommandValues,
} from './command-values.ts';
import { parseFunctionName } from './parse-function-name.ts';

/**
 * `selfhost run <function> [args]`: runs a function through the admin-only `/api/function`
 * route and prints its result on stdout (nothing for `null`); its log lines go to stderr. For an
 * unknown function it lists the deployment's functions (from `_system/cli/modules:apiSpec`).
 *
 * @example
 * ```ts
 * await runCommand(ctx, ['messages:send', '{ author: "me", body: "hi" }'], {});
 * ```
 */
export async function runCommand(
  ctx: CliContext,
  positionals: readonly string[],
  values: CommandValues,
): Promise<void> {
  const [name, argsText = '{}'] = positionals;
  if (name === undefined)
    throw new CliError('usage', 'Which function? Usage: selfhost run <functionName> [args]');
  const deployment = deploymentFromValues(ctx, values);
  const args = parseArgsJson(argsText);
  const identityText = stringValue(values, 'identity');
  const identity = identityText === undefined ? undefined : parseIdentity(identityText);
  const path = parseFunctionName(name, ctx.cwd, readProjectConfig(ctx.cwd).functions);
  if (values['push'] === true) {
    await runPush(ctx, deployment, {
      dryRun: false,
      typecheck: typecheckValue(values),
      codegen: stringValue(values, 'codegen') !== 'disable',
      evaluateFirst: false,
      yes: false,
      message: null,
      pushAllModules: false,
    });
  }
  const client = adminHttpClient(ctx, deployment, identity);
  let result: Value;
  try {
    result = (await client.function(path, undefined, args)) as Value;
  } catch (error) {
    if (isCliError(error)) throw error;
    const message = String(error).trim();
    let text = `Failed to run function "${name}":\n${message}`;
    if (message.includes('Could not find function'))
      text += `\n\n${await availableFunctions(client)}`;
    throw new CliError('function', text, { cause: error });
  }
  if (result !== null) ctx.reporter.output(formatValue(result, ctx.reporter.stdoutIsTty));
}

function parseArgsJson(text: string): Record<string, Value> {
  let value: Value;
  try {
    value = jsonToConvex(JSON5.parse<JSONValue>(text));
  } catch (error) {
    throw new CliError(
      'usage',
      `Failed to parse arguments as JSON: ${text}\n${(error as Error).message}`,
      { cause: error },
    );
  }
  if (
    typeof value !== 'object' ||
    value === null ||
    Array.isArray(value) ||
    value instanceof ArrayBuffer
  ) {
    throw new CliError(
      'usage',
      `The arguments must be an object, like '{ channel: "general" }', not ${text}.`,
    );
  }
  return value as Record<string, Value>;
}

/** Fills in `subject`, `issuer` and `tokenIdentifier` the way the official CLI does for `--identity`. */
function parseIdentity(text: string): UserIdentityAttributes {
  let identity: Record<string, unknown>;
  try {
    identity = JSON5.parse<Record<string, unknown>>(text);
  } catch (error) {
    throw new CliError(
      'usage',
      `Failed to parse --identity as JSON: ${text}\n${(error as Error).message}`,
      { cause: error },
    );
  }
  const subject =
    typeof identity['subject'] === 'string'
      ? identity['subject']
      : String(simpleHash(JSON.stringify(identity)));
  const issuer =
    typeof identity['issuer'] === 'string' ? identity['issuer'] : 'https://convex.test';
  const tokenIdentifier =
    typeof identity['tokenIdentifier'] === 'string'
      ? identity['tokenIdentifier']
      : `${issuer}|${subject}`;
  return { ...identity, subject, issuer, tokenIdentifier };
}

function simpleHash(text: string): number {
  let hash = 0;
  for (let i = 0; i < text.length; i++) hash = (hash * 31 + text.charCodeAt(i)) | 0;
  return hash;
}

async function availableFunctions(client: ReturnType<typeof adminHttpClient>): Promise<string> {
  let spec: { functionType: string; identifier?: string }[];
  try {
    spec = (await runSystemQuery(client, '_system/cli/modules:apiSpec', {})) as typeof spec;
  } catch {
    return 'Could not list the available functions.';
  }
  const names = spec
    .filter((entry) => entry.functionType !== 'HttpAction' && entry.identifier !== undefined)
    .map(({ identifier = '' }) => {
      const colon = identifier.indexOf(':');
      return colon === -1
        ? `• ${identifier}`
        : `• ${identifier.slice(0, colon).replace(/\.js$/, '')}:${identifier.slice(colon + 1)}`;
    });
  return names.length === 0
    ? 'No functions found: push some with `selfhost dev`.'
    : `Available functions:\n${names.join('\n')}`;
}
