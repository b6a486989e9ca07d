import { CliError } from '../errors/cli-error.ts';
import { ADMIN_KEY_VARIABLES, URL_VARIABLES } from './env-var-names.ts';
import { readEnvFiles } from './read-env-files.ts';

/**
 * The backend a command talks to.
 *
 * @example
 * ```ts
 * const deployment: Deployment = { url: 'http://127.0.0.1:3210', adminKey: 'selfhost|01ab…' };
 * ```
 */
export interface Deployment {
  /** The deployment URL without a trailing slash. */
  readonly url: string;
  readonly adminKey: string;
}

/**
 * The deployment flags every backend command takes.
 *
 * @example
 * ```ts
 * const flags: DeploymentFlags = { url: 'http://127.0.0.1:3210' };
 * ```
 */
export interface DeploymentFlags {
  readonly url?: string | undefined;
  readonly adminKey?: string | undefined;
  readonly envFile?: string | undefined;
}

/**
 * Finds the deployment URL and admin key: `--url`/`--admin-key` first, then the environment,
 * then `.env.local`, then `.env` (or only `--env-file`). In each place `SELFHOST_URL` /
 * `SELFHOST_ADMIN_KEY` come before the official CLI's `CONVEX_SELF_HOSTED_URL` /
 * `CONVEX_SELF_HOSTED_ADMIN_KEY`. Either may be missing.
 *
 * @example
 * ```ts
 * const { url, adminKey } = findDeploymentSettings({ cwd, env: process.env, flags: {} });
 * ```
 */
export function findDeploymentSettings(input: {
  readonly cwd: string;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly flags: DeploymentFlags;
}): { url: string | undefined; adminKey: string | undefined } {
  const sources: Readonly<Record<string, string | undefined>>[] = [
    input.env,
    ...readEnvFiles(input.cwd, input.flags.envFile).map((file) => file.values),
  ];
  const lookUp = (names: readonly string[]): string | undefined => {
    for (const source of sources) {
      for (const name of names) {
        const value = source[name];
        if (value !== undefined && value !== '') return value;
      }
    }
    return undefined;
  };
  return {
    url: nonEmpty(input.flags.url) ?? lookUp(URL_VARIABLES),
    adminKey: nonEmpty(input.flags.adminKey) ?? lookUp(ADMIN_KEY_VARIABLES),
  };
}

/**
 * Like {@link findDeploymentSettings}, but both must be there; the URL must be http(s).
 * Otherwise throws a `config` error that says where to put them.
 *
 * @example
 * ```ts
 * const deployment = resolveDeployment({ cwd, env: process.env, flags: { url: '--url value' } });
 * ```
 */
export function resolveDeployment(input: {
  readonly cwd: string;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly flags: DeploymentFlags;
}): Deployment {
  const { url, adminKey } = findDeploymentSettings(input);
  if (url === undefined) {
    throw new CliError(
      'config',
      'No deployment URL. Pass --url <url>, or set SELFHOST_URL (or CONVEX_SELF_HOSTED_URL) in the environment or in .env.local — `selfhost init` writes one.',
    );
  }
  const normalized = normalizeDeploymentUrl(url);
  if (adminKey === undefined) {
    throw new CliError(
      'config',
      `No admin key for ${normalized}. Pass --admin-key <key>, or set SELFHOST_ADMIN_KEY (or CONVEX_SELF_HOSTED_ADMIN_KEY) in the environment or in .env.local. The backend prints one at start-up (the "admin key:" line).`,
    );
  }
  return { url: normalized, adminKey };
}

/**
 * Checks that `url` is an http(s) URL and drops a trailing slash.
 *
 * @example
 * ```ts
 * normalizeDeploymentUrl('http://127.0.0.1:3210/'); // 'http://127.0.0.1:3210'
 * ```
 */
export function normalizeDeploymentUrl(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new CliError(
      'config',
      `"${url}" is not a URL. Use the backend's address, e.g. http://127.0.0.1:3210.`,
    );
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    throw new CliError(
      'config',
      `"${url}" is not an http(s) URL. Use the backend's address, e.g. http://127.0.0.1:3210.`,
    );
  }
  return url.replace(/\/+$/, '');
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value === '' ? undefined : value;
}
