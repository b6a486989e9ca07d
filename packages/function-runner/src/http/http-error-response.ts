import type { RunOutcome } from '../execution/run-types.ts';
import type { HttpActionResponse } from './http-types.ts';

/**
 * The response of an HTTP action that threw (compat spec §5.3): status 500 and
 * `{"code":"[Request ID: …] Server Error: <message>","trace":…,"data":…}`.
 *
 * @example
 * ```ts
 * httpErrorResponse('r1', { status: 'error', errorMessage: 'Uncaught Error: boom' }).status; // 500
 * ```
 */
export function httpErrorResponse(requestId: string, outcome: Extract<RunOutcome, { status: 'error' }>): HttpActionResponse {
  const firstLine = outcome.errorMessage.split('\n')[0] ?? outcome.errorMessage;
  const body = JSON.stringify({
    code: `[Request ID: ${requestId}] Server Error: ${firstLine}`,
    trace: outcome.errorMessage,
    ...(outcome.errorData === undefined ? {} : { data: JSON.parse(outcome.errorData) as unknown }),
  });
  return { status: 500, statusText: 'Internal Server Error', headers: [['content-type', 'application/json']], body: Buffer.from(body) };
}
