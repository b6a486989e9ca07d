// Oracle: the official ConvexHttpClient (public API, real code) calls a scripted server that
// reads its requests with our parsers and answers with bodies typed by our schemas.
import { ConvexHttpClient } from 'convex/browser';
import { makeFunctionReference } from 'convex/server';
import { ConvexError } from 'convex/values';
import { describe, expect, test } from 'vitest';
import { errorBodyOf, errorBodySchema } from '../error-body.ts';
import { parseAuthorizationHeader, type AuthorizationHeader } from '../headers/authorization.ts';
import { parseConvexClientHeader, type ClientVersion } from '../headers/client-version.ts';
import { ProtocolError } from '../protocol-error.ts';
import { officialVersion } from '../test-support/official-convex.ts';
import { makeTimestamp } from '../timestamp.ts';
import { encodeTimestamp } from '../timestamp-wire.ts';
import { defaultValueFormat, resolveValueFormat } from '../value-format.ts';
import { parseHttpBody, parseHttpJsonText } from './parse-http-body.ts';
import {
  functionRequestSchema,
  queryAtTsRequestSchema,
  udfPostRequestSchema,
} from './udf-request.ts';
import { type QueryTsResponse, type UdfResponse } from './udf-response.ts';

type Seen = {
  path: string;
  client: ClientVersion;
  auth: AuthorizationHeader | undefined;
  body: unknown;
};

/** A fake deployment: records each request, parsed by us, and answers with `answer`. */
function fakeDeployment(answer: (seen: Seen) => { status?: number; body: unknown }) {
  const seen: Seen[] = [];
  const fetch = (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    const url = new URL(input instanceof Request ? input.url : input.toString());
    const headers = new Headers(init?.headers);
    const authorization = headers.get('Authorization');
    const request: Seen = {
      path: url.pathname,
      client: parseConvexClientHeader(headers.get('Convex-Client') ?? ''),
      auth: authorization === null ? undefined : parseAuthorizationHeader(authorization),
      body: typeof init?.body === 'string' ? (JSON.parse(init.body) as unknown) : undefined,
    };
    seen.push(request);
    const { status = 200, body } = answer(request);
    return Promise.resolve(
      new Response(JSON.stringify(body), {
        status,
        headers: { 'Content-Type': 'application/json' },
      }),
    );
  };
  const client = new ConvexHttpClient('http://127.0.0.1:3210', {
    fetch,
    skipConvexDeploymentUrlCheck: true,
    logger: false,
  });
  return { client, seen };
}

const list = makeFunctionReference<'query', { channel: string; limit: bigint }, unknown>(
  'messages:list',
);
const send = makeFunctionReference<'mutation', { body: string }, unknown>('messages:send');
const run = makeFunctionReference<'action', Record<string, never>, unknown>('ai:run');

describe('the official ConvexHttpClient against our HTTP schemas', () => {
  test('query, mutation and action bodies and headers parse; our UdfResponses are understood', async () => {
    const { client, seen } = fakeDeployment((request): { body: UdfResponse } => {
      const what = `POST ${request.path}`;
      const call = parseHttpBody(udfPostRequestSchema, request.body, what);
      expect(resolveValueFormat(call.format, request.client)).toBe('convex_encoded_json');
      return {
        body: {
          status: 'success',
          value: { path: call.path, args: call.args },
          logLines: ["[LOG] 'hi'"],
        },
      };
    });
    expect(await client.query(list, { channel: 'a', limit: 5n })).toEqual({
      path: 'messages:list',
      args: { channel: 'a', limit: 5n },
    });
    expect(await client.mutation(send, { body: 'hi' })).toEqual({
      path: 'messages:send',
      args: { body: 'hi' },
    });
    expect(await client.action(run, {})).toEqual({ path: 'ai:run', args: {} });
    expect(seen.map((request) => request.path)).toEqual([
      '/api/query',
      '/api/mutation',
      '/api/action',
    ]);
    for (const request of seen) {
      expect(request.client).toEqual({ client: 'npm', version: officialVersion() });
      expect(defaultValueFormat(request.client)).toBe('json');
      expect(request.auth).toBeUndefined();
    }
    // The official client sends the legacy one-element array form.
    expect((seen[0]?.body as { args: unknown }).args).toEqual([
      { channel: 'a', limit: { $integer: 'BQAAAAAAAAA=' } },
    ]);
  });

  test('consistentQuery: our query_ts answer comes back as the ts of query_at_ts', async () => {
    const ts = makeTimestamp(1_724_300_000_004_000_123n);
    const { client, seen } = fakeDeployment((request) => {
      if (request.path === '/api/query_ts')
        return { body: { ts: encodeTimestamp(ts) } satisfies QueryTsResponse };
      const call = parseHttpBody(queryAtTsRequestSchema, request.body, 'POST /api/query_at_ts');
      return { body: { status: 'success', value: String(call.ts) } satisfies UdfResponse };
    });
    expect(await client.consistentQuery(list, { channel: 'a', limit: 1n })).toBe(String(ts));
    expect(seen.map((request) => request.path)).toEqual(['/api/query_ts', '/api/query_at_ts']);
  });

  test('admin auth with an identity and bearer auth parse from the Authorization header', async () => {
    const { client, seen } = fakeDeployment((): { body: UdfResponse } => ({
      body: { status: 'success', value: null },
    }));
    const identity = {
      issuer: 'https://auth.example.com',
      subject: 'u1',
      tokenIdentifier: 'https://auth.example.com|u1',
      name: 'Zoë ✓',
    };
    (client as unknown as { setAdminAuth(key: string, identity?: object): void }).setAdminAuth(
      'prod:carnitas|0135d8',
      identity,
    );
    await client.query(list, { channel: 'a', limit: 1n });
    client.setAuth('eyJhbGciOiJub25lIn0.e30.sig');
    await client.query(list, { channel: 'a', limit: 1n });
    expect(seen.map((request) => request.auth)).toEqual([
      { kind: 'admin', adminKey: 'prod:carnitas|0135d8', impersonating: identity },
      { kind: 'bearer', token: 'eyJhbGciOiJub25lIn0.e30.sig' },
    ]);
  });

  test('/api/function takes bare args and an optional componentPath', async () => {
    const { client, seen } = fakeDeployment((request): { body: UdfResponse } => {
      const call = parseHttpBody(functionRequestSchema, request.body, 'POST /api/function');
      return { body: { status: 'success', value: call.componentPath ?? 'root' } };
    });
    const callFunction = (
      client as unknown as {
        function(name: string, componentPath?: string, args?: object): Promise<unknown>;
      }
    ).function.bind(client);
    expect(await callFunction('jobs:run', 'waitlist', { n: 1 })).toBe('waitlist');
    expect(await callFunction('jobs:run', undefined, {})).toBe('root');
    expect(seen[0]?.body).toEqual({
      componentPath: 'waitlist',
      path: 'jobs:run',
      format: 'convex_encoded_json',
      args: { n: 1 },
    });
  });

  test('function errors with errorData become ConvexError; request errors carry our ErrorBody', async () => {
    const { client } = fakeDeployment((request) =>
      request.path === '/api/query'
        ? {
            body: {
              status: 'error',
              errorMessage: '[Request ID: 1] Server Error',
              errorData: { code: 'DENIED' },
            } satisfies UdfResponse,
          }
        : {
            status: 400,
            body: errorBodyOf(
              new ProtocolError(
                'BadJsonBody',
                'POST /api/mutation body.args: missing required field',
              ),
            ),
          },
    );
    const queryError: unknown = await client
      .query(list, { channel: 'a', limit: 1n })
      .catch((error: unknown) => error);
    expect(queryError).toBeInstanceOf(ConvexError);
    expect((queryError as ConvexError<{ code: string }>).data).toEqual({ code: 'DENIED' });
    const mutationError: unknown = await client
      .mutation(send, { body: 'x' })
      .catch((error: unknown) => error);
    expect(parseHttpJsonText(errorBodySchema, (mutationError as Error).message, 'error')).toEqual({
      code: 'BadJsonBody',
      message: 'POST /api/mutation body.args: missing required field',
    });
  });
});
