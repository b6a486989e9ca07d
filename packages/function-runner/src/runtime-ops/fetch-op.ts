import { developerError } from '../errors/developer-error.ts';
import type { SyscallArgs } from '../syscalls/syscall-args.ts';
import { ACTIONS, type SyscallHandler } from '../syscalls/syscall-handler.ts';
import { DEFAULT_FETCH_POLICY } from './fetch-policy.ts';

async function readLimited(response: globalThis.Response, limit: number, url: string): Promise<Buffer | null> {
  if (response.body === null) return null;
  const chunks: Uint8Array[] = [];
  let total = 0;
  for await (const chunk of response.body as AsyncIterable<Uint8Array>) {
    total += chunk.byteLength;
    if (total > limit) {
      await response.body.cancel().catch(() => undefined);
      throw developerError(`fetch of ${url}: the response body is larger than the limit of ${limit} bytes`);
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

function headerPairs(args: SyscallArgs): [string, string][] {
  const raw = args['headers'];
  if (!Array.isArray(raw)) return [];
  return raw.filter((pair): pair is [string, string] => Array.isArray(pair) && typeof pair[0] === 'string' && typeof pair[1] === 'string').map(([k, v]) => [k, v]);
}

/**
 * `$fetch`: `fetch()` of an action, performed by the host under the runner's network policy.
 * Network failures are the function's errors (`TypeError: fetch failed`), as in browsers.
 *
 * @example
 * ```ts
 * await fetchOp.run({ url: 'https://example.com', method: 'GET', headers: [], body: null }, env);
 * ```
 * @internal
 */
export const fetchOp: SyscallHandler = {
  kind: 'async',
  allowed: ACTIONS,
  run: async (args, env) => {
    const policy = { ...DEFAULT_FETCH_POLICY, ...env.services.fetchPolicy };
    const urlText = typeof args['url'] === 'string' ? args['url'] : '';
    let url: URL;
    try {
      url = new URL(urlText);
    } catch {
      throw developerError(`fetch: invalid URL ${JSON.stringify(urlText)}`, { name: 'TypeError' });
    }
    if (!(await policy.allow(url))) throw developerError(`fetch to ${url.origin} is not allowed by this deployment's network policy`, { name: 'TypeError' });
    const body = typeof args['body'] === 'string' ? Buffer.from(args['body'], 'base64') : null;
    if (body !== null && body.length > policy.maxRequestBytes) throw developerError(`fetch: the request body is larger than the limit of ${policy.maxRequestBytes} bytes`);
    const method = typeof args['method'] === 'string' ? args['method'] : 'GET';
    const redirect = args['redirect'] === 'manual' || args['redirect'] === 'error' ? args['redirect'] : 'follow';
    let response: globalThis.Response;
    try {
      response = await fetch(url, { method, headers: headerPairs(args), body, redirect });
    } catch (error) {
      const reason = error instanceof Error && error.cause instanceof Error ? `: ${error.cause.message}` : '';
      throw developerError(`fetch failed${reason}`, { name: 'TypeError' });
    }
    const bytes = await readLimited(response, policy.maxResponseBytes, url.href);
    return JSON.stringify({
      status: response.status,
      statusText: response.statusText,
      headers: [...response.headers.entries()],
      url: response.url,
      redirected: response.redirected,
      body: bytes === null ? null : bytes.toString('base64'),
    });
  },
};
