import type { ServerRequest } from '../http/server-request.ts';
import { withHeaders, type ServerResponse } from '../http/server-response.ts';

const allowedMethods = 'GET, POST, OPTIONS, PATCH, DELETE, PUT';

/** Paths that get CORS headers: `/api/*` and the health routes (compat §2.0). HTTP actions do not. */
export function wantsCors(path: string): boolean {
  return path.startsWith('/api/') || path === '/' || path === '/instance_name' || path === '/instance_version' || path === '/echo' || path === '/version' || path === '/metrics';
}

/**
 * CORS headers that mirror the caller: its `Origin`, its requested headers, credentials
 * allowed. Browsers using the HTTP client need these.
 *
 * @example
 * corsHeaders(request); // [['access-control-allow-origin', 'https://app.example.com'], ...]
 */
export function corsHeaders(request: ServerRequest): [string, string][] {
  const origin = request.header('origin');
  if (origin === undefined) return [];
  const headers: [string, string][] = [
    ['access-control-allow-origin', origin],
    ['access-control-allow-credentials', 'true'],
    ['access-control-allow-methods', allowedMethods],
    ['access-control-max-age', '86400'],
    ['vary', 'origin'],
  ];
  const requested = request.header('access-control-request-headers');
  if (requested !== undefined) headers.push(['access-control-allow-headers', requested]);
  return headers;
}

/** The answer to a preflight `OPTIONS` request. */
export function preflightResponse(request: ServerRequest): ServerResponse {
  return withHeaders({ status: 200, headers: [], body: null }, corsHeaders(request));
}
