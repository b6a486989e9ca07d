import zlib from 'node:zlib';
import { describe, expect, test } from 'vitest';
import type { ServerRequest } from '../http/server-request.ts';
import { HttpError } from './http-error.ts';
import { readJsonBody } from './read-json-body.ts';

function requestWith(body: Uint8Array, encoding?: string): ServerRequest {
  return {
    method: 'POST',
    path: '/api/deploy2/start_push',
    query: '',
    remoteAddress: undefined,
    header: (name) => (name === 'content-encoding' ? encoding : undefined),
    headerPairs: () => [],
    body: () => Promise.resolve(body),
  };
}

const json = Buffer.from(JSON.stringify({ hello: 'world', n: [1, 2, 3] }));

async function failure(promise: Promise<unknown>): Promise<HttpError> {
  const error = await promise.catch((e: unknown) => e);
  if (!(error instanceof HttpError)) throw new Error(`expected an HttpError, got ${String(error)}`);
  return error;
}

describe('readJsonBody', () => {
  test('reads plain, brotli, gzip and deflate bodies', async () => {
    for (const [body, encoding] of [
      [json, undefined],
      [zlib.brotliCompressSync(json), 'br'],
      [zlib.gzipSync(json), 'gzip'],
      [zlib.deflateSync(json), 'deflate'],
    ] as const) {
      expect(await readJsonBody(requestWith(body, encoding), 1024)).toEqual({ hello: 'world', n: [1, 2, 3] });
    }
  });

  test('refuses a body that decompresses beyond the limit', async () => {
    const bomb = zlib.brotliCompressSync(Buffer.alloc(1_000_000, 'a'));
    const error = await failure(readJsonBody(requestWith(bomb, 'br'), 10_000));
    expect(error.status).toBe(413);
  });

  test('says what is wrong with a bad body', async () => {
    expect((await failure(readJsonBody(requestWith(Buffer.from('{nope'), undefined), 100))).message).toContain('not valid JSON');
    expect((await failure(readJsonBody(requestWith(Buffer.from('garbage'), 'br'), 100))).message).toContain('not valid br data');
    expect((await failure(readJsonBody(requestWith(json, 'zstd'), 100))).status).toBe(415);
    expect((await failure(readJsonBody(requestWith(new Uint8Array(), undefined), 100))).code).toBe('BadJsonBody');
  });
});
