import type { HttpRequestJson } from '../../bridge/http-json.ts';
import { registerJsSyscall } from '../convex/js-syscall.ts';
import { base64ToBytes } from '../globals/bytes.ts';
import { Request } from '../globals/request.ts';
import { Response } from '../globals/response.ts';

const responses = new Map<string, Response>();
let nextStreamId = 1;

/**
 * The `Response` registered by `convexJsonFromResponse` under a stream id.
 *
 * @example
 * ```ts
 * const response = takeRegisteredResponse('1');
 * ```
 * @internal
 */
export function takeRegisteredResponse(streamId: string): Response | undefined {
  const response = responses.get(streamId);
  responses.delete(streamId);
  return response;
}

/**
 * Registers the JS syscalls of HTTP actions (compat spec §4.9): `requestFromConvexJson`
 * builds a `Request` from the host's JSON; `convexJsonFromResponse` describes the handler's
 * `Response` and keeps it, by stream id, until its body is read.
 *
 * @example
 * ```ts
 * registerHttpSyscalls();
 * ```
 * @internal
 */
export function registerHttpSyscalls(): void {
  registerJsSyscall('requestFromConvexJson', (args) => {
    const json = args['convexJson'] as HttpRequestJson;
    const body = json.body === null || json.method === 'GET' || json.method === 'HEAD' ? null : base64ToBytes(json.body);
    return new Request(json.url, { method: json.method, headers: json.headerPairs, body });
  });
  registerJsSyscall('convexJsonFromResponse', (args) => {
    const response = args['response'];
    if (!(response instanceof Response)) throw new Error('HTTP actions must return a Response');
    const streamId = String(nextStreamId++);
    responses.set(streamId, response);
    return { status: response.status, statusText: response.statusText, headerPairs: response.headers.pairs(), streamId };
  });
}
