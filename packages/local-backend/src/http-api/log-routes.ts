import { formatLogLine } from '@selfhost/function-runner';
import { streamFunctionLogsQueryFromSearchParams } from '@selfhost/protocol';
import type { AdminAuthenticator } from '../auth/admin-authenticator.ts';
import type { ExecutionLog, StoredExecution } from '../execution/execution-log.ts';
import { jsonTextResponse } from '../http/server-response.ts';
import type { Router } from '../routing/router.ts';

/** How long `stream_function_logs` holds a request open when there is nothing new (compat §2.5). */
const longPollMs = 60_000;

/**
 * `GET /api/stream_function_logs?cursor=…` (compat §2.5): every execution after the cursor,
 * waiting up to a minute for one. The CLI and dashboard (`Convex-Client: npm-cli-…` /
 * `dashboard-…`) get structured log lines; other clients the `[LEVEL] …` strings.
 *
 * @example
 * registerLogRoutes(router, { auth, log });
 */
export function registerLogRoutes(
  router: Router,
  deps: { readonly auth: AdminAuthenticator; readonly log: ExecutionLog; readonly stopping?: AbortSignal | undefined },
): void {
  router.add({
    method: 'GET',
    pattern: '/api/stream_function_logs',
    access: 'admin',
    handler: async ({ request }) => {
      deps.auth.requireAdmin(request);
      const query = streamFunctionLogsQueryFromSearchParams(new URLSearchParams(request.query));
      const client = request.header('convex-client') ?? '';
      const structured = client.startsWith('npm-cli-') || client.startsWith('dashboard-');
      const page = await deps.log.stream.after(query.cursor, deps.stopping?.aborted ? 0 : longPollMs, deps.stopping);
      const entries = page.entries.map((entry) => present(entry, structured));
      return jsonTextResponse(200, JSON.stringify({ entries, newCursor: page.newCursor }));
    },
  });
}

function present(entry: StoredExecution, structured: boolean): unknown {
  return structured ? entry : { ...entry, logLines: entry.logLines.map(formatLogLine) };
}
