import { ConvexHttpClient } from '@selfhost/client/browser';
import type { Value } from '@selfhost/client/values';
import type { AdminCredentials } from '@selfhost/client/admin';
import { errorMessage } from '../../lib/error-message.ts';

/** What one run produced. */
export type RunOutcome = {
  ok: boolean;
  value?: Value;
  error?: string;
  logLines: { level: string; message: string }[];
  durationMs: number;
};

/**
 * Runs any query, mutation or action by path through the admin-only `/api/function` route,
 * collecting the log lines the client would print and the round-trip time.
 *
 * @example
 * const outcome = await runFunction(credentials, 'messages:send', { body: 'hi' });
 */
export async function runFunction(credentials: AdminCredentials, path: string, args: Record<string, Value>): Promise<RunOutcome> {
  const logLines: RunOutcome['logLines'] = [];
  const capture = (...parts: unknown[]) => {
    const head = typeof parts[0] === 'string' ? parts[0] : '';
    const level = /\[(\w+)\]$/.exec(head)?.[1];
    // A function log line arrives as ('%c[CONVEX M(path)] [LOG]', style, text).
    if (level !== undefined && head.startsWith('%c')) logLines.push({ level, message: parts.slice(2).map(String).join(' ') });
  };
  const client = new ConvexHttpClient(credentials.deploymentUrl, {
    skipConvexDeploymentUrlCheck: true,
    logger: { logVerbose() {}, log: capture, warn: capture, error: capture },
  });
  client.setAdminAuth(credentials.adminKey);
  const started = performance.now();
  try {
    const value: unknown = await client.function(path, undefined, args);
    return { ok: true, value: value as Value, logLines, durationMs: performance.now() - started };
  } catch (error) {
    return { ok: false, error: errorMessage(error), logLines, durationMs: performance.now() - started };
  }
}
