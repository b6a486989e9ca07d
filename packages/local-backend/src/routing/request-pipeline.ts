import { BodyTooLargeError, type ServerRequest } from '../http/server-request.ts';
import { jsonResponse, withHeaders, type ServerResponse } from '../http/server-response.ts';
import type { RequestHandler } from '../http/transport.ts';
import type { MetricsRegistry } from '../metrics/metrics-registry.ts';
import { clientVersionOf } from './client-version-of.ts';
import { corsHeaders, preflightResponse, wantsCors } from './cors.ts';
import { HttpError } from './http-error.ts';
import type { Router } from './router.ts';

/** Maps an error a route threw to the response the client gets; `undefined` if it does not know it. */
export type ErrorMapper = (error: unknown) => HttpError | undefined;

/** What the pipeline needs besides the router. */
export interface PipelineOptions {
  readonly metrics: MetricsRegistry;
  readonly log: (line: string) => void;
  /** Translators for errors of other packages (protocol, database, …), tried in order. */
  readonly errorMappers?: readonly ErrorMapper[];
}

/**
 * Turns the router into the transport's request handler: answers CORS preflights, dispatches,
 * maps every thrown error to a `{code, message}` body with the right status (never a host
 * stack trace), adds CORS headers to `/api/*` and health routes, and counts requests.
 *
 * @example
 * const onRequest = createRequestPipeline(router, { metrics, log: console.log });
 */
export function createRequestPipeline(router: Router, options: PipelineOptions): RequestHandler {
  const requests = options.metrics.counter('selfhost_http_requests_total', 'HTTP requests by route and status.');
  const durations = options.metrics.histogram('selfhost_http_request_duration_seconds', 'HTTP request durations by route.');
  return async (request) => {
    const started = performance.now();
    const cors = wantsCors(request.path);
    if (request.method === 'OPTIONS' && cors) return preflightResponse(request);
    const match = router.match(request.method, request.path);
    let route = 'unmatched';
    let response: ServerResponse;
    if (match.kind === 'found') {
      route = match.pattern;
      try {
        checkClientHeader(request);
        response = await match.handler({ request, params: match.params });
      } catch (error) {
        response = errorResponse(toHttpError(error, options), request);
        if (response.status >= 500) options.log(`error: ${request.method} ${request.path}: ${describe(error)}`);
      }
    } else if (match.kind === 'method-not-allowed') {
      response = withHeaders(
        jsonResponse(405, { code: 'MethodNotAllowed', message: `${request.method} is not allowed on ${request.path}; use ${match.allowed.join(' or ')}.` }),
        [['allow', match.allowed.join(', ')]],
      );
    } else {
      response = jsonResponse(404, { code: 'NotFound', message: `There is no route ${request.method} ${request.path}.` });
    }
    requests.inc({ route, status: String(response.status) });
    durations.observe((performance.now() - started) / 1000, { route });
    return cors ? withHeaders(response, corsHeaders(request)) : response;
  };
}

/**
 * Like the reference's middleware, every route but HTTP actions (the app's own API, which may
 * see any header) refuses a `Convex-Client` header that is not `<client>-<semver>`.
 */
function checkClientHeader(request: ServerRequest): void {
  const header = request.header('convex-client');
  if (header === undefined || request.path === '/http' || request.path.startsWith('/http/')) return;
  clientVersionOf(header);
}

function toHttpError(error: unknown, options: PipelineOptions): HttpError {
  if (error instanceof HttpError) return error;
  if (error instanceof BodyTooLargeError) return new HttpError(413, 'PayloadTooLarge', error.message);
  for (const mapper of options.errorMappers ?? []) {
    const mapped = mapper(error);
    if (mapped) return mapped;
  }
  return new HttpError(500, 'InternalServerError', 'The server failed to handle this request. Its log has the details.');
}

function errorResponse(error: HttpError, request: ServerRequest): ServerResponse {
  const response = jsonResponse(error.status, { code: error.code, message: error.message });
  // A refused body may be half-read: the transport closes the connection after answering.
  return request.method === 'HEAD' ? { ...response, body: null } : response;
}

function describe(error: unknown): string {
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}
