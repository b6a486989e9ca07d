import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startTestBackend, type TestBackend } from '../src/test-support/start-test-backend.ts';
import { answerOf, postJson, type Answer } from './support/admin-http.ts';

// Request-size limits (compat §2.0, semantics §9.1) on a real backend: a body over a route's
// limit, raw or once decompressed, is refused with 413 PayloadTooLarge and the backend keeps
// serving. Compressed bombs are small on the wire and huge inflated.

const MiB = 1024 * 1024;

let ctx: TestBackend;
beforeAll(async () => {
  ctx = await startTestBackend();
});
afterAll(async () => ctx.stop());

/**
 * A gzip stream that inflates to `mebibytes` MiB of zeros, built as concatenated gzip members
 * (which gunzip reads as one stream), so the test never holds the inflated bytes.
 */
function gzipBomb(mebibytes: number): Buffer {
  const member = gzipSync(Buffer.alloc(MiB));
  return Buffer.concat(Array.from({ length: mebibytes }, () => member));
}

async function send(path: string, body: Uint8Array, headers: Record<string, string> = {}, base = ctx.url): Promise<Answer> {
  const response = await fetch(`${base}${path}`, {
    method: 'POST',
    headers: { authorization: `Convex ${ctx.adminKey}`, 'content-type': 'application/json', ...headers },
    body,
  });
  return answerOf(response);
}

function expectTooLarge(answer: Answer, where: string): void {
  expect(answer.status, where).toBe(413);
  expect(answer.json, where).toEqual({ code: 'PayloadTooLarge', message: expect.stringMatching(/limit/) as string });
}

async function expectStillServing(): Promise<void> {
  expect((await fetch(`${ctx.url}/version`)).status).toBe(200);
  const hashes = await postJson(`${ctx.url}/api/get_config_hashes`, { version: '1.48.0' }, { adminKey: ctx.adminKey });
  expect(hashes.status).toBe(200);
}

describe('oversized bodies', () => {
  test('deploy routes: a gzip bomb inflating past 200 MB is refused with 413', async () => {
    const bomb = gzipBomb(201);
    expect(bomb.length).toBeLessThan(MiB);
    const deployRoutes = ['/api/get_config_hashes', '/api/deploy2/evaluate_push', '/api/deploy2/start_push', '/api/deploy2/wait_for_schema', '/api/deploy2/finish_push'];
    for (const path of deployRoutes) expectTooLarge(await send(path, bomb, { 'content-encoding': 'gzip' }), path);
    await expectStillServing();
  });

  test('deploy routes: a brotli bomb (the CLI compresses with brotli) is refused with 413', async () => {
    const bomb = brotliCompressSync(Buffer.alloc(201 * MiB), { params: { [constants.BROTLI_PARAM_QUALITY]: 1 } });
    expect(bomb.length).toBeLessThan(MiB);
    expectTooLarge(await send('/api/deploy2/start_push', bomb, { 'content-encoding': 'br' }), 'start_push');
    await expectStillServing();
  });

  test('/echo: over 128 MiB is refused with 413; a compressed body is echoed as sent, never inflated', async () => {
    expectTooLarge(await send('/echo', Buffer.alloc(129 * MiB), { 'content-type': 'application/octet-stream' }), '/echo');
    const bomb = gzipBomb(129);
    const echoed = await fetch(`${ctx.url}/echo`, { method: 'POST', headers: { 'content-encoding': 'gzip', 'content-type': 'application/octet-stream' }, body: bomb });
    expect(echoed.status).toBe(200);
    expect(Buffer.from(await echoed.arrayBuffer()).equals(bomb)).toBe(true);
    await expectStillServing();
  });

  test('HTTP actions: a 21 MiB body (limit 20 MiB) is refused with 413 on both ports', async () => {
    const body = Buffer.alloc(21 * MiB, 'x');
    expectTooLarge(await send('/http/x', body, { 'content-type': 'text/plain' }), 'API port /http/x');
    expectTooLarge(await send('/x', body, { 'content-type': 'text/plain' }, ctx.siteUrl), 'site port /x');
    await expectStillServing();
  });

  test('query_at_ts: a body over 16 MiB, raw or inflated, is refused with 413', async () => {
    const json = JSON.stringify({ path: 'messages:list', args: { blob: 'x'.repeat(17 * MiB) }, ts: 'AAAAAAAAAAA=' });
    expectTooLarge(await send('/api/query_at_ts', Buffer.from(json)), 'raw');
    expectTooLarge(await send('/api/query_at_ts', gzipBomb(17), { 'content-encoding': 'gzip' }), 'gzip');
    await expectStillServing();
  });
});
