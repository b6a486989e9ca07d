import { format } from 'node:util';
import type { UserIdentityAttributes } from '@selfhost/protocol';
import { ConvexHttpClient } from '../../browser/http/convex-http-client.ts';
import type { Logger } from '../../browser/logging/logger.ts';
import type { CliContext } from '../cli-context.ts';
import type { Deployment } from '../config/deployment-settings.ts';
import { fetchWithRetries } from '../http/deployment-client.ts';

/**
 * A `ConvexHttpClient` with admin auth for the CLI's function calls (system queries, `run`):
 * requests go through the CLI's retries and error messages, and function log lines are printed
 * on stderr as `[CONVEX Q(path)] [LOG] …`.
 *
 * @example
 * ```ts
 * const client = adminHttpClient(ctx, deployment);
 * await client.query(makeFunctionReference<'query'>('_system/cli/tables'), { paginationOpts });
 * ```
 */
export function adminHttpClient(
  ctx: Pick<CliContext, 'fetch' | 'retryDelaysMs' | 'signal' | 'reporter'>,
  deployment: Deployment,
  identity?: UserIdentityAttributes,
): ConvexHttpClient {
  const client = new ConvexHttpClient(deployment.url, {
    skipConvexDeploymentUrlCheck: true,
    logger: stderrLogger(ctx),
    fetch: async (input, init) => {
      const url = input instanceof Request ? input.url : String(input);
      const path = new URL(url).pathname;
      return await fetchWithRetries(ctx, {
        url,
        init: { ...init, signal: ctx.signal },
        what: `POST ${path}`,
        deploymentUrl: deployment.url,
      });
    },
  });
  client.setAdminAuth(deployment.adminKey, identity);
  return client;
}

function stderrLogger(ctx: Pick<CliContext, 'reporter'>): Logger {
  const print = (...args: unknown[]) => {
    // Browser-style `%c` styling (`logFunctionLines`) has no meaning on a terminal.
    const [first, ...rest] = args;
    const parts =
      typeof first === 'string' && first.startsWith('%c')
        ? [first.slice(2), ...rest.slice(1)]
        : args;
    ctx.reporter.info(format(...parts));
  };
  return { logVerbose() {}, log: print, warn: print, error: print };
}
