import type { Identity } from '@selfhost/function-runner';
import type { AdminAuthenticator } from '../auth/admin-authenticator.ts';
import type { FunctionExecutor } from '../execution/function-executor.ts';
import type { ServerRequest } from '../http/server-request.ts';
import type { Router } from '../routing/router.ts';

/** HTTP action request and response bodies (compat §2.8 / semantics §9.1: 20 MiB). */
const bodyLimit = 20 * 1024 * 1024;

/**
 * HTTP actions (compat §2.8): any method on `/http/<rest>` of the API port — and every path of
 * the site port, which arrives here prefixed with `/http` — runs the deployed `http.js` router
 * with `/<rest>` as the routed path. User code sees the public URL the client used. No CORS is
 * added: the app's routes decide. A bearer token that cannot be verified leaves the identity
 * empty; the request still runs.
 *
 * @example
 * registerHttpActionRoutes(router, { auth, executor });
 */
export function registerHttpActionRoutes(router: Router, deps: { readonly auth: AdminAuthenticator; readonly executor: FunctionExecutor }): void {
  router.add({
    method: 'ANY',
    pattern: '/http/*',
    access: 'public',
    handler: async ({ request, params }) => {
      const routedPath = `/${params['*'] ?? ''}`;
      const hasBody = !['GET', 'HEAD', 'OPTIONS'].includes(request.method);
      const result = await deps.executor.httpAction(
        {
          method: request.method,
          url: publicUrl(request),
          path: routedPath,
          headers: request.headerPairs(),
          body: hasBody ? await request.body(bodyLimit) : null,
        },
        { identity: identityOf(deps.auth, request), caller: 'HTTP action' },
      );
      const { response } = result;
      return { status: response.status, headers: response.headers, body: request.method === 'HEAD' ? null : response.body };
    },
  });
}

/** The URL as the client wrote it: scheme from X-Forwarded-Proto, host from Host. */
function publicUrl(request: ServerRequest): string {
  const proto = (request.header('x-forwarded-proto') ?? 'http').split(',')[0]!.trim();
  const host = request.header('host') ?? 'localhost';
  const query = request.query === '' ? '' : `?${request.query}`;
  return `${proto}://${host}${request.originalPath ?? request.path}${query}`;
}

function identityOf(auth: AdminAuthenticator, request: ServerRequest): Identity {
  try {
    const caller = auth.identify(request);
    if (caller.kind === 'admin') return caller.impersonating === undefined ? { kind: 'admin' } : { kind: 'actingUser', user: caller.impersonating };
  } catch {
    // An Authorization header meant for the app itself: the action decides what to do with it.
  }
  return { kind: 'none' };
}
