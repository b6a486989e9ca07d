import { ConvexError } from '@selfhost/values';
import { describe, expect, test } from 'vitest';
import { makeFunctionReference } from '../../server/api/make-function-reference.ts';
import { ConvexHttpClient as OfficialConvexHttpClient } from 'convex/browser';
import { ConvexHttpClient as OurConvexHttpClient } from './convex-http-client.ts';

// The same suite runs against the official client: both must send and read the same HTTP.
const implementations = [
  ['ours', OurConvexHttpClient],
  ['convex/browser', OfficialConvexHttpClient as unknown as typeof OurConvexHttpClient],
] as const;

type Seen = { url: string; headers: Record<string, string>; body: unknown };

// Answers like the backend's HTTP function API (spec §2.1), recording each request.
function backend(answer: (seen: Seen) => { status?: number; body: unknown }) {
  const seen: Seen[] = [];
  const fetch = (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    const request: Seen = {
      url: input as string,
      headers: init?.headers as Record<string, string>,
      body: init?.body === undefined ? undefined : JSON.parse(init.body as string),
    };
    seen.push(request);
    const { status = 200, body } = answer(request);
    return Promise.resolve(
      new Response(typeof body === 'string' ? body : JSON.stringify(body), { status }),
    );
  };
  return { seen, fetch };
}

const list = makeFunctionReference<'query', { n: bigint }, unknown>('messages:list');
const send = makeFunctionReference<'mutation', { body: string }, unknown>('messages:send');
const run = makeFunctionReference<'action', Record<string, never>, unknown>('jobs:run');

describe.each(implementations)('ConvexHttpClient (%s)', (_name, ConvexHttpClient) => {
  test('posts Convex-JSON args and decodes the value, with the client and auth headers', async () => {
    const { seen, fetch } = backend(() => ({
      body: { status: 'success', value: { $integer: 'AgAAAAAAAAA=' } },
    }));
    const http = new ConvexHttpClient('http://127.0.0.1:3210', {
      fetch,
      logger: false,
      auth: 'jwt-1',
    });
    await expect(http.query(list, { n: 1n })).resolves.toBe(2n);
    expect(seen[0]).toEqual({
      url: 'http://127.0.0.1:3210/api/query',
      headers: {
        'Content-Type': 'application/json',
        'Convex-Client': 'npm-1.48.0',
        Authorization: 'Bearer jwt-1',
      },
      body: {
        path: 'messages:list',
        format: 'convex_encoded_json',
        args: [{ n: { $integer: 'AQAAAAAAAAA=' } }],
      },
    });
    http.setAdminAuth('admin-key', { subject: 'u', issuer: 'i' });
    await http.action(run);
    expect(seen[1]?.url).toBe('http://127.0.0.1:3210/api/action');
    expect(seen[1]?.headers.Authorization).toBe(
      `Convex admin-key:${btoa('{"subject":"u","issuer":"i"}')}`,
    );
    http.clearAuth();
    await http.function('jobs:run', 'child');
    expect(seen[2]).toMatchObject({
      url: 'http://127.0.0.1:3210/api/function',
      body: { path: 'jobs:run', componentPath: 'child', args: {} },
    });
    expect(seen[2]?.headers.Authorization).toBeUndefined();
  });

  test('throws function errors as Error or ConvexError with data, and request errors with the body', async () => {
    const answers = [
      {
        body: {
          status: 'error',
          errorMessage: '[Request ID: 1] Server Error\nUncaught Error: boom',
        },
      },
      {
        body: {
          status: 'error',
          errorMessage: 'nope',
          errorData: { code: { $integer: 'AQAAAAAAAAA=' } },
        },
      },
      { status: 560, body: { status: 'error', errorMessage: 'legacy' } },
      { status: 400, body: '{"code":"BadJson","message":"bad"}' },
    ];
    const { fetch } = backend(() => answers.shift() as { body: unknown });
    const http = new ConvexHttpClient('http://127.0.0.1:3210', { fetch, logger: false });
    await expect(http.mutation(send, { body: 'x' })).rejects.toThrow(
      '[Request ID: 1] Server Error\nUncaught Error: boom',
    );
    const error: unknown = await http.mutation(send, { body: 'x' }).catch((e: unknown) => e);
    // Each library throws its own ConvexError class; both carry the cross-realm marker.
    expect((error as Record<symbol, unknown>)[Symbol.for('ConvexError')]).toBe(true);
    if (ConvexHttpClient === OurConvexHttpClient) expect(error).toBeInstanceOf(ConvexError);
    expect((error as ConvexError<{ code: bigint }>).data).toEqual({ code: 1n });
    await expect(http.query(list, { n: 1n })).rejects.toThrow('legacy');
    await expect(http.query(list, { n: 1n })).rejects.toThrow('{"code":"BadJson","message":"bad"}');
  });

  test('consistentQuery fetches one snapshot timestamp and reuses it', async () => {
    const { seen, fetch } = backend(({ url }) =>
      url.endsWith('/api/query_ts')
        ? { body: { ts: 'BQAAAAAAAAA=' } }
        : { body: { status: 'success', value: null } },
    );
    const http = new ConvexHttpClient('http://127.0.0.1:3210', { fetch, logger: false });
    await http.consistentQuery(list, { n: 1n });
    await http.consistentQuery(list, { n: 2n });
    expect(seen.map((s) => s.url.replace('http://127.0.0.1:3210', ''))).toEqual([
      '/api/query_ts',
      '/api/query_at_ts',
      '/api/query_at_ts',
    ]);
    expect(seen[2]?.body).toMatchObject({ path: 'messages:list', ts: 'BQAAAAAAAAA=' });
  });

  test('runs queued mutations one at a time in call order; skipQueue does not wait', async () => {
    const release: (() => void)[] = [];
    const order: string[] = [];
    const fetch = ((_url: string, init: RequestInit) => {
      const { args } = JSON.parse(init.body as string) as { args: [{ body: string }] };
      order.push(`start ${args[0].body}`);
      return new Promise<Response>((resolve) =>
        release.push(() => {
          order.push(`end ${args[0].body}`);
          resolve(new Response(JSON.stringify({ status: 'success', value: null })));
        }),
      );
    }) as unknown as typeof globalThis.fetch;
    const http = new ConvexHttpClient('http://127.0.0.1:3210', { fetch, logger: false });
    const first = http.mutation(send, { body: '1' });
    const second = http.mutation(send, { body: '2' });
    const urgent = http.mutation(send, { body: 'now' }, { skipQueue: true });
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(order).toEqual(['start 1', 'start now']);
    release.shift()?.();
    await first;
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(order).toEqual(['start 1', 'start now', 'end 1', 'start 2']);
    release.shift()?.();
    release.shift()?.();
    await Promise.all([second, urgent]);
  });
});
