import { brotliCompressSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startTestBackend, type TestBackend } from '../src/test-support/start-test-backend.ts';

// Bad input on every route of a real backend (real sockets): each is refused with the documented
// error body `{code, message}` and the right status, and the backend keeps answering.

let ctx: TestBackend;
beforeAll(async () => {
  ctx = await startTestBackend();
});
afterAll(async () => ctx.stop());

/** Routes whose body is JSON (everything POST but the echo, the body-less and the app's own routes). */
function jsonRoutes(): { method: string; path: string }[] {
  return ctx.backend
    .routes()
    .filter((route) => route.method === 'POST' && !['/echo', '/api/query_ts', '/api/deploy2/report_push_completed'].includes(route.pattern))
    .map((route) => ({ method: route.method, path: route.pattern.replace(/\*$/, 'messages/list') }));
}

/** Every route, as a concrete request (prefix routes get a sample path). */
function everyRoute(): { method: string; path: string }[] {
  return ctx.backend
    .routes()
    .filter((route) => !route.pattern.startsWith('/http'))
    .map((route) => ({ method: route.method === 'ANY' ? 'POST' : route.method, path: route.pattern.replace(/\*$/, 'messages/list') }));
}

async function send(route: { method: string; path: string }, init: { body?: string | Uint8Array; headers?: Record<string, string> }) {
  const response = await fetch(`${ctx.url}${route.path}`, {
    method: route.method,
    headers: { authorization: `Convex ${ctx.adminKey}`, 'content-type': 'application/json', ...init.headers },
    ...(route.method === 'GET' || init.body === undefined ? {} : { body: init.body }),
  });
  const text = await response.text();
  return { status: response.status, text, json: parseOrNull(text) };
}

function parseOrNull(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}

/** The documented error body: exactly a string code and a string message. */
function expectErrorBody(json: unknown, code: string, where: string): void {
  expect(json, where).toEqual({ code, message: expect.any(String) as string });
}

async function expectStillServing(): Promise<void> {
  const version = await fetch(`${ctx.url}/version`);
  expect(version.status).toBe(200);
}

describe('bad input', () => {
  test('malformed JSON: 400 BadJsonBody on every JSON route', async () => {
    const routes = jsonRoutes();
    expect(routes.length).toBeGreaterThan(10);
    for (const route of routes) {
      const { status, json } = await send(route, { body: '{"path": "messages:list", "args": {' });
      expect(status, route.path).toBe(400);
      expectErrorBody(json, 'BadJsonBody', route.path);
    }
    await expectStillServing();
  });

  test('an empty body: 400 BadJsonBody on every JSON route', async () => {
    for (const route of jsonRoutes()) {
      const { status, json } = await send(route, { body: '' });
      expect(status, route.path).toBe(400);
      expectErrorBody(json, 'BadJsonBody', route.path);
    }
    await expectStillServing();
  });

  test('wrong types: 400 BadJsonBody naming the field, on every JSON route', async () => {
    for (const route of jsonRoutes()) {
      const { status, json } = await send(route, { body: JSON.stringify({ path: 5, args: 'x', changes: 7, queries: 1, schemaChange: [], startPush: 1 }) });
      expect(status, route.path).toBe(400);
      expectErrorBody(json, 'BadJsonBody', route.path);
    }
    const { json } = await send({ method: 'POST', path: '/api/query' }, { body: JSON.stringify({ path: 5, args: {} }) });
    expect((json as { message: string }).message).toContain('body.path');
    await expectStillServing();
  });

  test('bad brotli (and gzip): 400 BadJsonBody on every JSON route; an unknown encoding is 415', async () => {
    for (const route of jsonRoutes()) {
      for (const encoding of ['br', 'gzip']) {
        const { status, json } = await send(route, { body: 'this is not compressed', headers: { 'content-encoding': encoding } });
        expect(status, `${encoding} ${route.path}`).toBe(400);
        expectErrorBody(json, 'BadJsonBody', route.path);
      }
    }
    const zstd = await send({ method: 'POST', path: '/api/deploy2/start_push' }, { body: '{}', headers: { 'content-encoding': 'zstd' } });
    expect(zstd.status).toBe(415);
    expectErrorBody(zstd.json, 'UnsupportedContentEncoding', 'zstd');
    // Well-formed brotli is accepted (the CLI compresses deploy bodies).
    const brotli = await send({ method: 'POST', path: '/api/query' }, { body: brotliCompressSync(JSON.stringify({ path: 'none:here', args: {} })), headers: { 'content-encoding': 'br' } });
    expect(brotli.status).toBe(200);
    await expectStillServing();
  });

  test('oversized bodies: 413 PayloadTooLarge, raw or decompressed', async () => {
    const seventeenMiB = JSON.stringify({ path: 'messages:list', args: { blob: 'x'.repeat(17 * 1024 * 1024) } });
    for (const path of ['/api/query', '/api/mutation', '/api/action', '/api/function', '/api/query_batch', '/api/run/messages/list']) {
      const { status, json } = await send({ method: 'POST', path }, { body: seventeenMiB });
      expect(status, path).toBe(413);
      expectErrorBody(json, 'PayloadTooLarge', path);
    }
    // 3 MiB of zeros compress to a few KiB; the environment route takes at most 2 MiB.
    const bomb = gzipSync(Buffer.alloc(3 * 1024 * 1024));
    const inflated = await send({ method: 'POST', path: '/api/update_environment_variables' }, { body: bomb, headers: { 'content-encoding': 'gzip' } });
    expect(inflated.status).toBe(413);
    expectErrorBody(inflated.json, 'PayloadTooLarge', 'gzip bomb');
    await expectStillServing();
  });

  test('bad format: 400 BadFormat', async () => {
    for (const path of ['/api/query', '/api/mutation', '/api/action', '/api/function', '/api/run/messages/list']) {
      const { status, json } = await send({ method: 'POST', path }, { body: JSON.stringify({ path: 'messages:list', args: {}, format: 'xml' }) });
      expect(status, path).toBe(400);
      expectErrorBody(json, 'BadFormat', path);
    }
    const get = await send({ method: 'GET', path: '/api/query?path=messages:list&args=%7B%7D&format=yaml' }, {});
    expect(get.status).toBe(400);
    expectErrorBody(get.json, 'BadFormat', 'GET /api/query');
    await expectStillServing();
  });

  test('bad Convex-Client header: 400 InvalidClientVersion on every route but HTTP actions', async () => {
    for (const route of everyRoute()) {
      for (const client of ['garbage', 'npm-notaversion', '-1.2.3']) {
        const { status, json } = await send(route, { body: '{}', headers: { 'convex-client': client } });
        expect(status, `${route.method} ${route.path} with ${client}`).toBe(400);
        expectErrorBody(json, 'InvalidClientVersion', route.path);
      }
    }
    const good = await send({ method: 'POST', path: '/api/query' }, { body: JSON.stringify({ path: 'none:here', args: {} }), headers: { 'convex-client': 'npm-1.48.0' } });
    expect(good.status).toBe(200);
    const action = await fetch(`${ctx.url}/http/anything`, { headers: { 'convex-client': 'garbage' } });
    expect(action.status).not.toBe(400);
    await expectStillServing();
  });

  test('unknown functions are function errors (200, status "error"), not HTTP errors', async () => {
    const requests: [string, unknown][] = [
      ['/api/query', { path: 'nope:missing', args: {} }],
      ['/api/mutation', { path: 'nope:missing', args: {} }],
      ['/api/action', { path: 'nope:missing', args: {} }],
      ['/api/query_batch', { queries: [{ path: 'nope:missing', args: {} }] }],
      ['/api/run/nope/missing', { args: {} }],
    ];
    for (const [path, body] of requests) {
      const { status, text } = await send({ method: 'POST', path }, { body: JSON.stringify(body), headers: { authorization: '' } });
      expect(status, path).toBe(200);
      expect(text, path).toContain('"status":"error"');
      expect(text, path).toContain("Could not find public function for 'nope:missing'");
    }
    const admin = await send({ method: 'POST', path: '/api/function' }, { body: JSON.stringify({ path: 'nope:missing', args: {} }) });
    expect(admin.status).toBe(200);
    expect(admin.json).toMatchObject({ status: 'error', errorMessage: expect.stringContaining('Could not find function for') as string });
    await expectStillServing();
  });

  test('bad query strings and timestamps: 400 with a code', async () => {
    const badArgs = await send({ method: 'GET', path: '/api/query?path=messages:list&args=%7Bx' }, {});
    expect(badArgs.status).toBe(400);
    expectErrorBody(badArgs.json, 'BadQueryArgs', 'GET args');
    const badTs = await send({ method: 'POST', path: '/api/query_at_ts' }, { body: JSON.stringify({ path: 'a:b', args: {}, ts: 'not base64' }) });
    expect(badTs.status).toBe(400);
    expectErrorBody(badTs.json, 'BadJsonBody', 'ts');
    const runPath = await send({ method: 'POST', path: '/api/run/onlyone' }, { body: JSON.stringify({ args: {} }) });
    expect(runPath.status).toBe(400);
    expectErrorBody(runPath.json, 'MissingIdentifier', 'run');
    await expectStillServing();
  });

  test('missing or wrong admin key: 401 on admin routes, 400 for a malformed Authorization header', async () => {
    for (const route of ctx.backend.routes().filter((r) => r.access === 'admin')) {
      const path = route.pattern;
      const missing = await send({ method: route.method, path }, { body: '{}', headers: { authorization: '' } });
      expect(missing.status, path).toBe(401);
      expectErrorBody(missing.json, 'Unauthenticated', path);
      const wrong = await send({ method: route.method, path }, { body: '{}', headers: { authorization: 'Convex convex-self-hosted|0123456789abcdef' } });
      expect([401, 403], path).toContain(wrong.status);
      expect(['BadAdminKey', 'BadDeployKey'], path).toContain((wrong.json as { code: string }).code);
      const scheme = await send({ method: route.method, path }, { body: '{}', headers: { authorization: 'Basic abc' } });
      expect(scheme.status, path).toBe(400);
      expectErrorBody(scheme.json, 'InvalidAuthHeader', path);
    }
    await expectStillServing();
  });

  test('unknown routes and methods: 404 NotFound and 405 MethodNotAllowed', async () => {
    const missing = await send({ method: 'GET', path: '/api/no_such_route' }, {});
    expect(missing.status).toBe(404);
    expectErrorBody(missing.json, 'NotFound', 'missing');
    const method = await send({ method: 'DELETE', path: '/api/query' }, {});
    expect(method.status).toBe(405);
    expectErrorBody(method.json, 'MethodNotAllowed', 'method');
    await expectStillServing();
  });
});
