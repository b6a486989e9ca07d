import { promisify } from 'node:util';
import zlib from 'node:zlib';
import type { ServerRequest } from '../http/server-request.ts';
import { HttpError } from './http-error.ts';

const brotliDecompress = promisify(zlib.brotliDecompress);
const gunzip = promisify(zlib.gunzip);
const inflate = promisify(zlib.inflate);

/**
 * The request body as parsed JSON. Deploy routes receive brotli-compressed bodies from the CLI
 * (`Content-Encoding: br`); gzip and deflate are accepted too. `limit` bounds both the
 * compressed and the decompressed size, so a small compressed bomb cannot exhaust memory.
 *
 * @example
 * const body = await readJsonBody(request, 16 * 1024 * 1024);
 */
export async function readJsonBody(request: ServerRequest, limit: number): Promise<unknown> {
  const raw = await request.body(limit);
  const encoding = (request.header('content-encoding') ?? 'identity').trim().toLowerCase();
  let bytes: Uint8Array;
  try {
    bytes = await decompress(raw, encoding, limit);
  } catch (error) {
    if (error instanceof HttpError) throw error;
    throw new HttpError(400, 'BadJsonBody', `The request body is not valid ${encoding} data: ${(error as Error).message}`);
  }
  if (bytes.length === 0) throw new HttpError(400, 'BadJsonBody', 'The request body is empty; this route expects JSON.');
  try {
    return JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes)) as unknown;
  } catch (error) {
    throw new HttpError(400, 'BadJsonBody', `The request body is not valid JSON: ${(error as Error).message}`);
  }
}

async function decompress(raw: Uint8Array, encoding: string, limit: number): Promise<Uint8Array> {
  const options = { maxOutputLength: limit };
  switch (encoding) {
    case 'identity':
    case '':
      return raw;
    case 'br':
      return tooLargeAware(() => brotliDecompress(raw, options), limit);
    case 'gzip':
    case 'x-gzip':
      return tooLargeAware(() => gunzip(raw, options), limit);
    case 'deflate':
      return tooLargeAware(() => inflate(raw, options), limit);
    default:
      throw new HttpError(415, 'UnsupportedContentEncoding', `Content-Encoding "${encoding}" is not supported; send br, gzip, deflate or no encoding.`);
  }
}

async function tooLargeAware(run: () => Promise<Buffer>, limit: number): Promise<Uint8Array> {
  try {
    return await run();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') {
      throw new HttpError(413, 'PayloadTooLarge', `The decompressed request body is larger than the limit of ${limit} bytes for this route.`);
    }
    throw error;
  }
}
