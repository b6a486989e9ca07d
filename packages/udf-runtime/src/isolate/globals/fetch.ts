import { defineGlobal } from '../define-global.ts';
import { isQueryOrMutation } from '../runtime-state.ts';
import { base64ToBytes, bytesToBase64 } from './bytes.ts';
import { DOMException } from './dom-exception.ts';
import { hostOp } from './host-op.ts';
import { Request } from './request.ts';
import { Response } from './response.ts';
import { notInQueriesOrMutations } from './timers.ts';

interface FetchResult {
  readonly status: number;
  readonly statusText: string;
  readonly headers: [string, string][];
  readonly url: string;
  readonly redirected: boolean;
  readonly body: string | null;
}

/**
 * Installs `fetch`: in actions the request goes to the host, which applies its network
 * policy and performs it; in queries and mutations it rejects with Convex's error.
 *
 * @example
 * ```ts
 * installFetch();
 * const response = await fetch('https://example.com');
 * ```
 * @internal
 */
export function installFetch(): void {
  defineGlobal('fetch', async function fetch(input: unknown, init?: Record<string, unknown>): Promise<Response> {
    if (isQueryOrMutation()) throw new TypeError(notInQueriesOrMutations('fetch()'));
    const request = new Request(input, init ?? {});
    const signal = request.signal;
    signal.throwIfAborted();
    const body = request.bodySource === null ? null : bytesToBase64(await request.consumeBytes());
    const pending = hostOp('$fetch', {
      url: request.url,
      method: request.method,
      headers: request.headers.pairs(),
      body,
      redirect: request.redirect,
    }) as Promise<FetchResult>;
    const aborted = new Promise<never>((_resolve, reject) => {
      signal.addEventListener('abort', () => reject(signal.reason instanceof Error ? signal.reason : new DOMException('The operation was aborted.', 'AbortError')));
    });
    const result = await Promise.race([pending, aborted]);
    const bytes = result.body === null ? null : base64ToBytes(result.body);
    const response = new Response(
      null,
      { status: result.status, statusText: result.statusText, headers: result.headers },
      { type: 'basic', source: bytes === null || bytes.length === 0 ? null : { kind: 'bytes', bytes } },
    );
    response.setFetched(result.url, result.redirected);
    return response;
  });
}
