import {
  finishPushRequestSchema,
  getConfigHashesRequestSchema,
  parseHttpBody,
  startPushRequestSchema,
  waitForSchemaRequestSchema,
} from '@selfhost/protocol';
import type { AdminAuthenticator } from '../auth/admin-authenticator.ts';
import type { PushCoordinator } from '../deploy/push-coordinator.ts';
import type { ServerRequest } from '../http/server-request.ts';
import { jsonResponse, jsonTextResponse, type ServerResponse } from '../http/server-response.ts';
import { readJsonBody } from '../routing/read-json-body.ts';
import type { Router } from '../routing/router.ts';

/** Deploy bodies carry every module with its source map (compat §2.0: 200 MB). */
const deployBodyLimit = 200 * 1024 * 1024;

/**
 * The push protocol of compat §2.3, used by `convex dev`, `convex deploy` and `convex codegen`
 * (and `selfhost`'s own CLI). Bodies may be brotli-compressed; the admin key comes in the body
 * or the `Authorization` header.
 *
 * @example
 * registerPushRoutes(router, { auth, pushes });
 */
export function registerPushRoutes(router: Router, deps: { readonly auth: AdminAuthenticator; readonly pushes: PushCoordinator }): void {
  const post = (pattern: string, handler: (request: ServerRequest, body: unknown) => Promise<ServerResponse>) =>
    router.add({
      method: 'POST',
      pattern,
      access: 'admin',
      handler: async ({ request }) => {
        const body = await readJsonBody(request, deployBodyLimit);
        const bodyKey = typeof body === 'object' && body !== null && 'adminKey' in body && typeof body.adminKey === 'string' ? body.adminKey : undefined;
        deps.auth.requireAdmin(request, bodyKey);
        return handler(request, body);
      },
    });

  post('/api/get_config_hashes', (_request, body) => {
    parseHttpBody(getConfigHashesRequestSchema, body, 'POST /api/get_config_hashes');
    return Promise.resolve(
      jsonResponse(200, {
        config: { functions: 'convex/', authInfo: [] },
        moduleHashes: deps.pushes.moduleHashes(),
        nodeDependencies: [],
        udfServerVersion: deps.pushes.udfServerVersion(),
        nodeVersion: null,
      }),
    );
  });
  post('/api/deploy2/evaluate_push', async (_request, body) => {
    const request = parseHttpBody(startPushRequestSchema, body, 'POST /api/deploy2/evaluate_push');
    const indexDiff = await deps.pushes.evaluate(request);
    return jsonResponse(200, { schemaChange: { allocatedComponentIds: {}, schemaIds: { '': null }, indexDiffs: { '': indexDiff } } });
  });
  post('/api/deploy2/evaluate_schema', async (_request, body) => {
    const request = parseHttpBody(startPushRequestSchema, body, 'POST /api/deploy2/evaluate_schema');
    return jsonResponse(200, await deps.pushes.evaluateSchema(request));
  });
  post('/api/deploy2/start_push', async (_request, body) => {
    const request = parseHttpBody(startPushRequestSchema, body, 'POST /api/deploy2/start_push');
    return jsonResponse(200, await deps.pushes.start(request));
  });
  post('/api/deploy2/wait_for_schema', async (_request, body) => {
    const request = parseHttpBody(waitForSchemaRequestSchema, body, 'POST /api/deploy2/wait_for_schema');
    const pushId = (request.schemaChange.schemaIds as Record<string, unknown> | null)?.[''];
    return jsonResponse(200, await deps.pushes.waitForSchema(typeof pushId === 'string' ? pushId : null, request.timeoutMs ?? 10_000));
  });
  post('/api/deploy2/finish_push', async (_request, body) => {
    const request = parseHttpBody(finishPushRequestSchema, body, 'POST /api/deploy2/finish_push');
    return jsonResponse(200, await deps.pushes.finish(request.startPush, request.dryRun));
  });
  post('/api/deploy2/report_push_completed', () => Promise.resolve(jsonTextResponse(200, 'null')));
}
