import { CliError } from '../errors/cli-error.ts';

/** Codes with which the backend refuses an admin key. */
const AUTH_CODES = new Set([
  'BadAdminKey',
  'BadDeployKey',
  'InvalidAdminKey',
  'InvalidAuthHeader',
  'Unauthenticated',
]);

/**
 * How to get a working admin key, appended to every `auth` error.
 *
 * @example
 * ```ts
 * `${message}\n${ADMIN_KEY_HELP}`;
 * ```
 */
export const ADMIN_KEY_HELP =
  'Use the key the backend printed at start-up (its "admin key:" line) or make one with `generate-admin-key --data-dir <data dir>`, and pass it with --admin-key or SELFHOST_ADMIN_KEY (or CONVEX_SELF_HOSTED_ADMIN_KEY in .env.local).';

/**
 * The error for a server that answers but is not a backend (a web app's dev server, another
 * service on that port): names the URL and says where to fix it. `answered` completes
 * "`<url>` answered …".
 *
 * @example
 * ```ts
 * throw notABackend('http://127.0.0.1:5173', '404 Not Found to POST /api/get_config_hashes');
 * ```
 */
export function notABackend(deploymentUrl: string, answered: string): CliError {
  return new CliError(
    'server',
    `${deploymentUrl} answered ${answered}: is it the URL of a selfhost (or Convex) backend, and is the backend up to date? Fix the URL with --url, or SELFHOST_URL / CONVEX_SELF_HOSTED_URL in .env.local.`,
  );
}

/**
 * Turns a non-2xx answer into a {@link CliError}: a refused admin key (`BadAdminKey` 401,
 * `BadDeployKey` 403, …) is an `auth` error that says how to get a good key; a 404 without an
 * error code or an HTML page means `deploymentUrl` is not a backend ({@link notABackend});
 * everything else is a `server` error worded like the official CLI
 * (`<status> <statusText>: <code>: <message>`).
 *
 * @example
 * ```ts
 * if (!response.ok) throw await errorFromResponse(response, 'POST /api/deploy2/start_push', url);
 * ```
 */
export async function errorFromResponse(
  response: Response,
  what: string,
  deploymentUrl: string,
): Promise<CliError> {
  const text = await response.text().catch(() => '');
  let code: string | undefined;
  let message: string | undefined;
  try {
    const body = JSON.parse(text) as { code?: unknown; message?: unknown };
    if (typeof body.code === 'string') code = body.code;
    if (typeof body.message === 'string') message = body.message;
  } catch {
    // Not a JSON error body: the status and text say it all.
  }
  const status = `${response.status} ${response.statusText}`.trim();
  if (code !== undefined && AUTH_CODES.has(code) && [400, 401, 403].includes(response.status)) {
    return new CliError(
      'auth',
      `The admin key was refused (${status}: ${code}): ${message ?? text}\n${ADMIN_KEY_HELP}`,
    );
  }
  const html = /^\s*</.test(text) || (response.headers.get('content-type') ?? '').includes('html');
  if (code === undefined && (response.status === 404 || html)) {
    return notABackend(deploymentUrl, `${status}${html ? ' (an HTML page)' : ''} to ${what}`);
  }
  const detail = code !== undefined ? `${code}: ${message ?? ''}` : text.trim();
  return new CliError('server', `${what} failed: ${status}${detail === '' ? '' : `: ${detail}`}`);
}
