import { defineGlobal } from '../define-global.ts';
import { Blob, File } from './blob.ts';
import { concatBytes } from './bytes.ts';
import { utf8Decode, utf8Encode } from './text-encoding.ts';
import { toDomString } from './to-dom-string.ts';

type Entry = [string, string | File];

function toEntryValue(value: unknown, filename?: unknown): string | File {
  if (value instanceof Blob) {
    if (value instanceof File && filename === undefined) return value;
    return new File([value], filename === undefined ? (value instanceof File ? value.name : 'blob') : toDomString(filename), { type: value.type });
  }
  return toDomString(value);
}

/**
 * `FormData`.
 *
 * @example
 * ```ts
 * const form = new FormData();
 * form.append('a', '1');
 * ```
 * @internal
 */
export class FormData {
  #entries: Entry[] = [];

  constructor(form?: unknown) {
    if (form !== undefined) throw new TypeError('FormData: form elements are not supported');
  }

  append(name: unknown, value: unknown, filename?: unknown): void {
    this.#entries.push([toDomString(name), toEntryValue(value, filename)]);
  }

  delete(name: unknown): void {
    const key = toDomString(name);
    this.#entries = this.#entries.filter(([k]) => k !== key);
  }

  get(name: unknown): string | File | null {
    const key = toDomString(name);
    return this.#entries.find(([k]) => k === key)?.[1] ?? null;
  }

  getAll(name: unknown): (string | File)[] {
    const key = toDomString(name);
    return this.#entries.filter(([k]) => k === key).map(([, v]) => v);
  }

  has(name: unknown): boolean {
    const key = toDomString(name);
    return this.#entries.some(([k]) => k === key);
  }

  set(name: unknown, value: unknown, filename?: unknown): void {
    const key = toDomString(name);
    const entry: Entry = [key, toEntryValue(value, filename)];
    const index = this.#entries.findIndex(([k]) => k === key);
    this.#entries = this.#entries.filter(([k]) => k !== key);
    this.#entries.splice(index < 0 ? this.#entries.length : index, 0, entry);
  }

  forEach(callback: (value: string | File, key: string, parent: FormData) => void, thisArg?: unknown): void {
    for (const [key, value] of [...this.#entries]) callback.call(thisArg, value, key, this);
  }

  *entries(): IterableIterator<Entry> {
    for (const entry of this.#entries) yield entry;
  }

  *keys(): IterableIterator<string> {
    for (const [key] of this.#entries) yield key;
  }

  *values(): IterableIterator<string | File> {
    for (const [, value] of this.#entries) yield value;
  }

  [Symbol.iterator](): IterableIterator<Entry> {
    return this.entries();
  }

  get [Symbol.toStringTag](): string {
    return 'FormData';
  }
}

function quote(text: string): string {
  return text.replace(/\r/g, '%0D').replace(/\n/g, '%0A').replace(/"/g, '%22');
}

/**
 * Encodes form data as `multipart/form-data`; returns the bytes and the content type.
 *
 * @example
 * ```ts
 * const { bytes, contentType } = encodeMultipart(form);
 * ```
 * @internal
 */
export function encodeMultipart(form: FormData): { bytes: Uint8Array; contentType: string } {
  let boundary = '----selfhost';
  for (let i = 0; i < 24; i++) boundary += Math.floor(Math.random() * 16).toString(16);
  const chunks: Uint8Array[] = [];
  for (const [name, value] of form) {
    let head = `--${boundary}\r\nContent-Disposition: form-data; name="${quote(name)}"`;
    if (typeof value === 'string') {
      chunks.push(utf8Encode(`${head}\r\n\r\n`), utf8Encode(value.replace(/\r?\n|\r/g, '\r\n')), utf8Encode('\r\n'));
    } else {
      head += `; filename="${quote(value.name)}"\r\nContent-Type: ${value.type === '' ? 'application/octet-stream' : value.type}`;
      chunks.push(utf8Encode(`${head}\r\n\r\n`), value.bytesSync(), utf8Encode('\r\n'));
    }
  }
  chunks.push(utf8Encode(`--${boundary}--\r\n`));
  return { bytes: concatBytes(chunks), contentType: `multipart/form-data; boundary=${boundary}` };
}

function indexOfBytes(haystack: Uint8Array, needle: Uint8Array, from: number): number {
  outer: for (let i = from; i <= haystack.length - needle.length; i++) {
    for (let j = 0; j < needle.length; j++) if (haystack[i + j] !== needle[j]) continue outer;
    return i;
  }
  return -1;
}

/**
 * Parses a `multipart/form-data` body.
 *
 * @example
 * ```ts
 * const form = parseMultipart(bytes, 'multipart/form-data; boundary=x');
 * ```
 * @internal
 */
export function parseMultipart(bytes: Uint8Array, contentType: string): FormData {
  const boundary = /boundary=(?:"([^"]+)"|([^;]+))/i.exec(contentType);
  const marker = boundary?.[1] ?? boundary?.[2];
  if (marker === undefined) throw new TypeError('Could not parse content as FormData: missing boundary');
  const delimiter = utf8Encode(`--${marker}`);
  const form = new FormData();
  let at = indexOfBytes(bytes, delimiter, 0);
  while (at >= 0) {
    const start = at + delimiter.length;
    if (bytes[start] === 0x2d && bytes[start + 1] === 0x2d) break;
    const next = indexOfBytes(bytes, delimiter, start);
    if (next < 0) break;
    const part = bytes.subarray(start + 2, next - 2);
    const split = indexOfBytes(part, utf8Encode('\r\n\r\n'), 0);
    if (split >= 0) {
      const headText = utf8Decode(part.subarray(0, split), false);
      const body = part.subarray(split + 4);
      const name = /name="([^"]*)"/i.exec(headText)?.[1] ?? '';
      const filename = /filename="([^"]*)"/i.exec(headText)?.[1];
      const type = /content-type:\s*([^\r\n]+)/i.exec(headText)?.[1] ?? '';
      if (filename === undefined) form.append(name, utf8Decode(body, false));
      else form.append(name, new File([body.slice()], filename, { type }));
    }
    at = next;
  }
  return form;
}

/**
 * Installs `FormData`.
 *
 * @example
 * ```ts
 * installFormData();
 * ```
 * @internal
 */
export function installFormData(): void {
  defineGlobal('FormData', FormData);
}
