import { Blob } from './blob.ts';
import { concatBytes, copyBytes, isBufferSource } from './bytes.ts';
import { encodeMultipart, FormData, parseMultipart } from './form-data.ts';
import { ReadableStream } from './streams.ts';
import { utf8Decode, utf8Encode } from './text-encoding.ts';
import { URLSearchParams, parseFormUrlEncoded } from './url-search-params.ts';
import { toDomString } from './to-dom-string.ts';

/**
 * What a body is made of: bytes in memory, or a stream.
 *
 * @example
 * ```ts
 * const source: BodySource = { kind: 'bytes', bytes: new Uint8Array(0) };
 * ```
 * @internal
 */
export type BodySource = { readonly kind: 'bytes'; readonly bytes: Uint8Array } | { readonly kind: 'stream'; readonly stream: ReadableStream<unknown> };

/**
 * Turns a `body` init value into a body source and its implied content type.
 *
 * @example
 * ```ts
 * extractBody('hi'); // { source: { kind: 'bytes', … }, contentType: 'text/plain;charset=UTF-8' }
 * ```
 * @internal
 */
export function extractBody(body: unknown): { source: BodySource | null; contentType: string | null } {
  if (body === undefined || body === null) return { source: null, contentType: null };
  if (typeof body === 'string') return { source: { kind: 'bytes', bytes: utf8Encode(body) }, contentType: 'text/plain;charset=UTF-8' };
  if (body instanceof Blob) return { source: { kind: 'bytes', bytes: body.bytesSync() }, contentType: body.type === '' ? null : body.type };
  if (isBufferSource(body)) return { source: { kind: 'bytes', bytes: copyBytes(body) }, contentType: null };
  if (body instanceof URLSearchParams) {
    return { source: { kind: 'bytes', bytes: utf8Encode(body.toString()) }, contentType: 'application/x-www-form-urlencoded;charset=UTF-8' };
  }
  if (body instanceof FormData) {
    const { bytes, contentType } = encodeMultipart(body);
    return { source: { kind: 'bytes', bytes }, contentType };
  }
  if (body instanceof ReadableStream) return { source: { kind: 'stream', stream: body }, contentType: null };
  return { source: { kind: 'bytes', bytes: utf8Encode(toDomString(body)) }, contentType: 'text/plain;charset=UTF-8' };
}

/**
 * The shared body behaviour of `Request` and `Response` (the Fetch standard's Body mixin).
 *
 * @example
 * ```ts
 * class Response extends BodyHolder { … }
 * ```
 * @internal
 */
export abstract class BodyHolder {
  #source: BodySource | null;
  #used = false;

  protected constructor(source: BodySource | null) {
    this.#source = source;
  }

  /** @internal */
  protected abstract contentType(): string | null;

  /** @internal The source, for cloning and for the host. */
  get bodySource(): BodySource | null {
    return this.#source;
  }

  get body(): ReadableStream<Uint8Array> | null {
    const source = this.#source;
    if (source === null) return null;
    if (source.kind === 'stream') return source.stream as ReadableStream<Uint8Array>;
    const bytes = source.bytes;
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        if (bytes.length > 0) controller.enqueue(bytes);
        controller.close();
      },
    });
    this.#source = { kind: 'stream', stream: stream as ReadableStream<unknown> };
    return stream;
  }

  get bodyUsed(): boolean {
    return this.#used || (this.#source?.kind === 'stream' && this.#source.stream.disturbed);
  }

  /** @internal Splits the body in two for `clone()`. */
  protected teeSource(): BodySource | null {
    const source = this.#source;
    if (source === null || source.kind === 'bytes') return source;
    const [a, b] = source.stream.tee();
    this.#source = { kind: 'stream', stream: a };
    return { kind: 'stream', stream: b };
  }

  /** @internal Reads the whole body once. */
  async consumeBytes(): Promise<Uint8Array> {
    if (this.bodyUsed) throw new TypeError('Body is unusable: Body has already been read');
    this.#used = true;
    const source = this.#source;
    if (source === null) return new Uint8Array(0);
    if (source.kind === 'bytes') return source.bytes;
    const reader = source.stream.getReader();
    const chunks: Uint8Array[] = [];
    for (;;) {
      const result = await reader.read();
      if (result.done) break;
      const chunk = result.value;
      if (chunk instanceof Uint8Array) chunks.push(chunk);
      else if (isBufferSource(chunk)) chunks.push(copyBytes(chunk));
      else if (typeof chunk === 'string') chunks.push(utf8Encode(chunk));
      else throw new TypeError('Body chunks must be Uint8Array');
    }
    reader.releaseLock();
    return concatBytes(chunks);
  }

  async arrayBuffer(): Promise<ArrayBuffer> {
    return (await this.consumeBytes()).slice().buffer;
  }

  async bytes(): Promise<Uint8Array> {
    return (await this.consumeBytes()).slice();
  }

  async text(): Promise<string> {
    return utf8Decode(await this.consumeBytes(), false);
  }

  async json(): Promise<unknown> {
    return JSON.parse(await this.text()) as unknown;
  }

  async blob(): Promise<Blob> {
    return new Blob([await this.consumeBytes()], { type: this.contentType() ?? '' });
  }

  async formData(): Promise<FormData> {
    const type = this.contentType() ?? '';
    const bytes = await this.consumeBytes();
    if (/^multipart\/form-data/i.test(type)) return parseMultipart(bytes, type);
    if (/^application\/x-www-form-urlencoded/i.test(type)) {
      const form = new FormData();
      for (const [k, v] of parseFormUrlEncoded(utf8Decode(bytes, false))) form.append(k, v);
      return form;
    }
    throw new TypeError(`Could not parse content as FormData: unsupported content type ${JSON.stringify(type)}`);
  }
}
