import { defineGlobal } from '../define-global.ts';
import { concatBytes, copyBytes, isBufferSource } from './bytes.ts';
import { ReadableStream } from './streams.ts';
import { utf8Decode, utf8Encode } from './text-encoding.ts';
import { toDomString } from './to-dom-string.ts';

function bytesOfPart(part: unknown): Uint8Array {
  if (part instanceof Blob) return part.bytesSync();
  if (isBufferSource(part)) return copyBytes(part);
  return utf8Encode(toDomString(part));
}

/**
 * `Blob`: immutable bytes with a MIME type.
 *
 * @example
 * ```ts
 * await new Blob(['hi'], { type: 'text/plain' }).text(); // 'hi'
 * ```
 * @internal
 */
export class Blob {
  readonly #bytes: Uint8Array;
  readonly #type: string;

  constructor(parts: Iterable<unknown> = [], options: { type?: unknown } = {}) {
    if (typeof parts !== 'object' || parts === null || typeof (parts as { [Symbol.iterator]?: unknown })[Symbol.iterator] !== 'function') {
      throw new TypeError("Failed to construct 'Blob': The provided value cannot be converted to a sequence.");
    }
    this.#bytes = concatBytes([...parts].map(bytesOfPart));
    const type = options.type === undefined ? '' : toDomString(options.type);
    this.#type = /^[\x20-\x7e]*$/.test(type) ? type.toLowerCase() : '';
  }

  /** @internal The bytes, without copying. */
  bytesSync(): Uint8Array {
    return this.#bytes;
  }

  get size(): number {
    return this.#bytes.length;
  }

  get type(): string {
    return this.#type;
  }

  slice(start = 0, end = this.#bytes.length, type = ''): Blob {
    const size = this.#bytes.length;
    const from = start < 0 ? Math.max(size + start, 0) : Math.min(start, size);
    const to = end < 0 ? Math.max(size + end, 0) : Math.min(end, size);
    return new Blob([this.#bytes.slice(from, Math.max(from, to))], { type });
  }

  text(): Promise<string> {
    return Promise.resolve(utf8Decode(this.#bytes, false));
  }

  arrayBuffer(): Promise<ArrayBuffer> {
    return Promise.resolve(this.#bytes.slice().buffer);
  }

  bytes(): Promise<Uint8Array> {
    return Promise.resolve(this.#bytes.slice());
  }

  stream(): ReadableStream<Uint8Array> {
    const bytes = this.#bytes.slice();
    return new ReadableStream<Uint8Array>({
      start(controller) {
        if (bytes.length > 0) controller.enqueue(bytes);
        controller.close();
      },
    });
  }

  get [Symbol.toStringTag](): string {
    return 'Blob';
  }
}

/**
 * `File`: a named Blob.
 *
 * @example
 * ```ts
 * new File(['x'], 'a.txt').name; // 'a.txt'
 * ```
 * @internal
 */
export class File extends Blob {
  readonly #name: string;
  readonly #lastModified: number;
  constructor(parts: Iterable<unknown>, name: unknown, options: { type?: unknown; lastModified?: unknown } = {}) {
    super(parts, options);
    this.#name = toDomString(name);
    this.#lastModified = options.lastModified === undefined ? Date.now() : Number(options.lastModified);
  }
  get name(): string {
    return this.#name;
  }
  get lastModified(): number {
    return this.#lastModified;
  }
  override get [Symbol.toStringTag](): string {
    return 'File';
  }
}

/**
 * Installs `Blob` and `File`.
 *
 * @example
 * ```ts
 * installBlob();
 * ```
 * @internal
 */
export function installBlob(): void {
  defineGlobal('Blob', Blob);
  defineGlobal('File', File);
}
