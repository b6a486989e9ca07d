import {
  encodeTimestamp,
  functionRequestSchema,
  parseHttpBody,
  queryAtTsRequestSchema,
  queryBatchRequestSchema,
  resolveValueFormat,
  runRequestSchema,
  udfPathFromRunPath,
  udfPostRequestSchema,
  udfRequestFromSearchParams,
  type ValueFormat,
} from '@selfhost/protocol';
import { randomUUID } from 'node:crypto';
import type { Database } from '@selfhost/database';
import type { AdminAuthenticator } from '../auth/admin-authenticator.ts';
import type { ExecutionOutcome } from '../execution/execution-outcome.ts';
import type { ExecutionRequest } from '../execution/execution-request.ts';
import type { FunctionExecutor } from '../execution/function-executor.ts';
import type { QueryResultCache } from '../execution/query-result-cache.ts';
import type { ServerRequest } from '../http/server-request.ts';
import { jsonResponse, jsonTextResponse, type ServerResponse } from '../http/server-response.ts';
import { HttpError } from '../routing/http-error.ts';
import { clientVersionOf } from '../routing/client-version-of.ts';
import { readJsonBody } from '../routing/read-json-body.ts';
import type { Router } from '../routing/router.ts';
import { functionIdentity } from './request-identity.ts';
import { udfResponse, udfResponseText } from './udf-response.ts';

/** Public function API bodies: 16 MiB of arguments plus room for the envelope. */
const bodyLimit = 16 * 1024 * 1024 + 2000;

/** What the function routes need. */
export interface FunctionRouteDeps {
  readonly db: Database;
  readonly auth: AdminAuthenticator;
  readonly executor: FunctionExecutor;
  readonly redactLogsToClient: boolean;
  /** Answers repeated queries without running them again (semantics §1.6). */
  readonly queryCache?: QueryResultCache | undefined;
}

/**
 * The function execution API of compat §2.1 (`ConvexHttpClient`, `npx convex run`): query
 * (POST and GET), query_ts, query_at_ts, query_batch, mutation, action, the admin-only
 * `/api/function`, and `/api/run/{path}`. Function errors are 200 with `status: "error"`;
 * only request-level problems get other statuses.
 *
 * @example
 * registerFunctionRoutes(router, { db, auth, executor, redactLogsToClient: false });
 */
export function registerFunctionRoutes(router: Router, deps: FunctionRouteDeps): void {
  const run = async (
    request: ServerRequest,
    kind: 'query' | 'mutation' | 'action',
    body: { path: string; args: unknown; format?: string | undefined; ts?: bigint; adminOnly?: boolean },
  ) => {
    const options = body;
    const caller = deps.auth.identify(request);
    if (options.adminOnly && caller.kind !== 'admin') deps.auth.requireAdmin(request);
    const execution: ExecutionRequest = {
      path: body.path,
      args: body.args as never,
      identity: functionIdentity(caller),
      isAdmin: caller.kind === 'admin',
      caller: 'HTTP API',
      requestId: randomUUID().replaceAll('-', '').slice(0, 16),
    };
    const format = formatOf(request, body.format);
    const outcome =
      kind === 'query' && deps.queryCache !== undefined
        ? (await deps.queryCache.query(execution, options.ts)).outcome
        : await execute(deps.executor, kind, { request: execution, ts: options.ts });
    return udfResponse(outcome, format, { requestId: execution.requestId ?? '', redact: deps.redactLogsToClient });
  };
  const post = (pattern: string, handler: (request: ServerRequest) => Promise<ServerResponse>) =>
    router.add({ method: 'POST', pattern, access: pattern === '/api/function' ? 'admin' : 'mixed', handler: ({ request }) => handler(request) });

  post('/api/query', async (request) => run(request, 'query', parseHttpBody(udfPostRequestSchema, await readJsonBody(request, bodyLimit), 'POST /api/query')));
  router.add({
    method: 'GET',
    pattern: '/api/query',
    access: 'mixed',
    handler: ({ request }) => run(request, 'query', udfRequestFromSearchParams(new URLSearchParams(request.query))),
  });
  post('/api/mutation', async (request) => run(request, 'mutation', parseHttpBody(udfPostRequestSchema, await readJsonBody(request, bodyLimit), 'POST /api/mutation')));
  post('/api/action', async (request) => run(request, 'action', parseHttpBody(udfPostRequestSchema, await readJsonBody(request, bodyLimit), 'POST /api/action')));
  post('/api/query_ts', () => Promise.resolve(jsonResponse(200, { ts: encodeTimestamp(deps.db.latestTs) })));
  post('/api/query_at_ts', async (request) => {
    const body = parseHttpBody(queryAtTsRequestSchema, await readJsonBody(request, bodyLimit), 'POST /api/query_at_ts');
    return run(request, 'query', body);
  });
  post('/api/query_batch', async (request) => {
    // Check the caller up front: an empty batch must not let a bad admin key through.
    deps.auth.identify(request);
    const body = parseHttpBody(queryBatchRequestSchema, await readJsonBody(request, bodyLimit), 'POST /api/query_batch');
    const ts = deps.db.latestTs;
    const results: string[] = [];
    for (const query of body.queries) {
      const response = await run(request, 'query', { ...query, ts });
      results.push(response.body as string);
    }
    return jsonTextResponse(200, `{"results":[${results.join(',')}]}`);
  });
  post('/api/function', async (request) => {
    deps.auth.requireAdmin(request);
    const body = parseHttpBody(functionRequestSchema, await readJsonBody(request, bodyLimit), 'POST /api/function');
    if (body.componentPath) {
      throw new HttpError(400, 'ComponentsNotSupported', `Component "${body.componentPath}" does not exist: this deployment runs only the root app.`);
    }
    const kind = deps.executor.kindOf(body.path);
    if (kind === undefined) {
      return udfResponse(
        { status: 'error', errorMessage: `Could not find function for '${body.path}'. Did you forget to run \`npx convex dev\`?`, logLines: [] },
        formatOf(request, body.format),
        { requestId: randomUUID().slice(0, 16), redact: false },
      );
    }
    return run(request, kind, { ...body, adminOnly: true });
  });
  router.add({
    method: 'POST',
    pattern: '/api/run/*',
    access: 'mixed',
    handler: async ({ request }) => {
      const body = parseHttpBody(runRequestSchema, await readJsonBody(request, bodyLimit), `POST ${request.path}`);
      const path = udfPathFromRunPath(request.path);
      const kind = deps.executor.kindOf(path) ?? 'query';
      return run(request, kind, { path, args: body.args, format: body.format ?? 'json' });
    },
  });
}

function formatOf(request: ServerRequest, requested: string | undefined): ValueFormat {
  const header = request.header('convex-client');
  return resolveValueFormat(requested, header === undefined ? undefined : clientVersionOf(header));
}

async function execute(
  executor: FunctionExecutor,
  kind: 'query' | 'mutation' | 'action',
  { request, ts }: { request: ExecutionRequest; ts: bigint | undefined },
): Promise<ExecutionOutcome> {
  switch (kind) {
    case 'query':
      return (await executor.query(request, { ts })).outcome;
    case 'mutation':
      return (await executor.mutation(request)).outcome;
    case 'action':
      return await executor.action(request);
  }
}

export { udfResponseText };
