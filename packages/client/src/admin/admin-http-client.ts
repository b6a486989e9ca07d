import { AdminHttpError } from './admin-http-error.ts';

/**
 * The `Convex-Client` header of admin requests: `dashboard-*` clients get structured log lines
 * from `/api/stream_function_logs` (compat §2.5).
 */
export const adminClientHeader = 'dashboard-0.1.0';

/** Where the backend is and the admin key to send. */
export type AdminCredentials = { readonly deploymentUrl: string; readonly adminKey: string };

async function request(credentials: AdminCredentials | { deploymentUrl: string }, path: string, init: RequestInit = {}): Promise<Response> {
  const headers = new Headers(init.headers);
  // Only on /api routes: a custom header makes the browser send a CORS preflight, which the
  // plain routes (/version, /metrics) need not answer.
  if (path.startsWith('/api/')) headers.set('Convex-Client', adminClientHeader);
  if ('adminKey' in credentials) headers.set('Authorization', `Convex ${credentials.adminKey}`);
  let response: Response;
  try {
    response = await fetch(`${credentials.deploymentUrl.replace(/\/+$/, '')}${path}`, { ...init, headers });
  } catch (cause) {
    if (init.signal?.aborted) throw cause;
    throw new AdminHttpError('unreachable', `Cannot reach the backend at ${credentials.deploymentUrl}. Is it running, and is the URL right?`, { cause });
  }
  if (response.ok) return response;
  const body = await response.text();
  let detail = body;
  try {
    const parsed = JSON.parse(body) as { code?: string; message?: string };
    detail = [parsed.code, parsed.message].filter(Boolean).join(': ');
  } catch {
    // Not JSON: keep the text.
  }
  const kind = response.status === 401 || response.status === 403 ? 'unauthorized' : 'failed';
  const prefix = kind === 'unauthorized' ? 'The backend refused the admin key' : `${response.status} ${response.statusText}`;
  throw new AdminHttpError(kind, `${prefix}${detail ? ` (${detail})` : ''}.`);
}

/**
 * Checks the URL and admin key (`GET /api/check_admin_key`).
 *
 * @example
 * await checkAdminKey({ deploymentUrl: 'http://127.0.0.1:3210', adminKey });
 */
export async function checkAdminKey(credentials: AdminCredentials): Promise<{ isReadOnly: boolean }> {
  const response = await request(credentials, '/api/check_admin_key');
  return (await response.json()) as { isReadOnly: boolean };
}

/**
 * The backend's version (`GET /version`, no key needed).
 *
 * @example
 * const version = await fetchVersion('http://127.0.0.1:3210');
 */
export async function fetchVersion(deploymentUrl: string, signal?: AbortSignal): Promise<string> {
  const response = await request({ deploymentUrl }, '/version', signal ? { signal } : {});
  return (await response.text()).trim();
}

/**
 * The Prometheus text of `GET /metrics` (empty when metrics are turned off).
 *
 * @example
 * const text = await fetchMetrics('http://127.0.0.1:3210');
 */
export async function fetchMetrics(deploymentUrl: string): Promise<string> {
  try {
    return await (await request({ deploymentUrl }, '/metrics')).text();
  } catch (error) {
    if (error instanceof AdminHttpError && error.kind === 'failed') return '';
    throw error;
  }
}

/**
 * The deployment's public URLs (`GET /api/v1/get_canonical_urls`).
 *
 * @example
 * const { convexSiteUrl } = await fetchCanonicalUrls(credentials);
 */
export async function fetchCanonicalUrls(credentials: AdminCredentials): Promise<{ convexCloudUrl: string; convexSiteUrl: string }> {
  return (await (await request(credentials, '/api/v1/get_canonical_urls')).json()) as { convexCloudUrl: string; convexSiteUrl: string };
}

/**
 * Sets (value given) and deletes (value `null`) environment variables in one change
 * (`POST /api/update_environment_variables`).
 *
 * @example
 * await updateEnvironmentVariables(credentials, [{ name: 'API_KEY', value: 'x' }, { name: 'OLD', value: null }]);
 */
export async function updateEnvironmentVariables(
  credentials: AdminCredentials,
  changes: readonly { name: string; value: string | null }[],
): Promise<void> {
  await request(credentials, '/api/update_environment_variables', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ changes: changes.map(({ name, value }) => (value === null ? { name } : { name, value })) }),
  });
}

/**
 * One long poll of `GET /api/stream_function_logs`: the entries after `cursor` (waiting up to
 * a minute for some) and the cursor to ask with next.
 *
 * @example
 * const { entries, newCursor } = await streamFunctionLogs(credentials, 0, controller.signal);
 */
export async function streamFunctionLogs(
  credentials: AdminCredentials,
  cursor: number,
  signal: AbortSignal,
): Promise<{ entries: unknown[]; newCursor: number }> {
  const response = await request(credentials, `/api/stream_function_logs?cursor=${cursor}`, { signal });
  return (await response.json()) as { entries: unknown[]; newCursor: number };
}
