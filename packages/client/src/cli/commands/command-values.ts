import type { CliContext } from '../cli-context.ts';
import { resolveDeployment, type Deployment } from '../config/deployment-settings.ts';
import { CliError } from '../errors/cli-error.ts';
import type { TypecheckMode } from '../typecheck/run-typecheck.ts';

/**
 * The parsed options of a command line.
 *
 * @example
 * ```ts
 * const values: CommandValues = { yes: true, typecheck: 'disable' };
 * ```
 */
export type CommandValues = Readonly<Record<string, string | boolean | undefined>>;

/**
 * A string option's value, or `undefined`.
 *
 * @example
 * ```ts
 * stringValue(values, 'url'); // 'http://127.0.0.1:3210'
 * ```
 */
export function stringValue(values: CommandValues, name: string): string | undefined {
  const value = values[name];
  return typeof value === 'string' ? value : undefined;
}

/**
 * A numeric option's value (a non-negative integer), or `fallback`.
 *
 * @example
 * ```ts
 * integerValue(values, 'limit', 100);
 * ```
 */
export function integerValue(values: CommandValues, name: string, fallback: number): number {
  const text = stringValue(values, name);
  if (text === undefined) return fallback;
  const value = Number(text);
  if (!Number.isInteger(value) || value < 0)
    throw new CliError('usage', `--${name} must be a whole number, not "${text}".`);
  return value;
}

/**
 * `--typecheck` (default `try`).
 *
 * @example
 * ```ts
 * typecheckValue(values); // 'try'
 * ```
 */
export function typecheckValue(values: CommandValues): TypecheckMode {
  return (stringValue(values, 'typecheck') ?? 'try') as TypecheckMode;
}

/**
 * The deployment from `--url` / `--admin-key` / `--env-file`, the environment and the env files.
 *
 * @example
 * ```ts
 * const deployment = deploymentFromValues(ctx, values);
 * ```
 */
export function deploymentFromValues(
  ctx: Pick<CliContext, 'cwd' | 'env'>,
  values: CommandValues,
): Deployment {
  return resolveDeployment({
    cwd: ctx.cwd,
    env: ctx.env,
    flags: {
      url: stringValue(values, 'url'),
      adminKey: stringValue(values, 'admin-key'),
      envFile: stringValue(values, 'env-file'),
    },
  });
}
