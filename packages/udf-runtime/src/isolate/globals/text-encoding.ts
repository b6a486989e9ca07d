import { defineGlobal } from '../define-global.ts';
import { isBufferSource } from './bytes.ts';
import { toDomString } from './to-dom-string.ts';

/**
 * UTF-8 encoding of a string (lone surrogates become U+FFFD, as `TextEncoder` does).
 *
 * @example
 * ```ts
 * utf8Encode('é'); // Uint8Array [195, 169]
 * ```
 * @internal
 */
export function utf8Encode(text: string): Uint8Array {
  const out = new Uint8Array(text.length * 3);
  let at = 0;
  for (let i = 0; i < text.length; i++) {
    let code = text.charCodeAt(i);
    if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        code = 0x10000 + ((code - 0xd800) << 10) + (next - 0xdc00);
        i++;
      } else {
        code = 0xfffd;
      }
    } else if (code >= 0xd800 && code <= 0xdfff) {
      code = 0xfffd;
    }
    if (code < 0x80) out[at++] = code;
    else if (code < 0x800) {
      out[at++] = 0xc0 | (code >> 6);
      out[at++] = 0x80 | (code & 63);
    } else if (code < 0x10000) {
      out[at++] = 0xe0 | (code >> 12);
      out[at++] = 0x80 | ((code >> 6) & 63);
      out[at++] = 0x80 | (code & 63);
    } else {
      out[at++] = 0xf0 | (code >> 18);
      out[at++] = 0x80 | ((code >> 12) & 63);
      out[at++] = 0x80 | ((code >> 6) & 63);
      out[at++] = 0x80 | (code & 63);
    }
  }
  return out.slice(0, at);
}

/**
 * UTF-8 decoding; invalid sequences become U+FFFD, or throw when `fatal`.
 *
 * @example
 * ```ts
 * utf8Decode(new Uint8Array([195, 169]), false); // 'é'
 * ```
 * @internal
 */
export function utf8Decode(bytes: Uint8Array, fatal: boolean): string {
  let out = '';
  const parts: string[] = [];
  let i = 0;
  const invalid = (): number => {
    if (fatal) throw new TypeError('The encoded data was not valid for encoding utf-8');
    return 0xfffd;
  };
  while (i < bytes.length) {
    const b0 = bytes[i] ?? 0;
    let code: number;
    if (b0 < 0x80) {
      code = b0;
      i += 1;
    } else {
      const need = b0 >= 0xc2 && b0 <= 0xdf ? 1 : b0 >= 0xe0 && b0 <= 0xef ? 2 : b0 >= 0xf0 && b0 <= 0xf4 ? 3 : -1;
      if (need < 0) {
        code = invalid();
        i += 1;
      } else {
        let value = b0 & (need === 1 ? 0x1f : need === 2 ? 0x0f : 0x07);
        let ok = true;
        let consumed = 1;
        for (let k = 1; k <= need; k++) {
          const b = bytes[i + k];
          const lower = k === 1 ? (b0 === 0xe0 ? 0xa0 : b0 === 0xf0 ? 0x90 : 0x80) : 0x80;
          const upper = k === 1 ? (b0 === 0xed ? 0x9f : b0 === 0xf4 ? 0x8f : 0xbf) : 0xbf;
          if (b === undefined || b < lower || b > upper) {
            ok = false;
            break;
          }
          value = (value << 6) | (b & 63);
          consumed++;
        }
        code = ok ? value : invalid();
        i += ok ? consumed : Math.max(1, consumed);
      }
    }
    out += code > 0xffff ? String.fromCharCode(0xd800 + ((code - 0x10000) >> 10), 0xdc00 + ((code - 0x10000) & 0x3ff)) : String.fromCharCode(code);
    if (out.length > 8192) {
      parts.push(out);
      out = '';
    }
  }
  parts.push(out);
  return parts.join('');
}

const LABELS: Readonly<Record<string, string>> = {
  'utf-8': 'utf-8',
  utf8: 'utf-8',
  'unicode-1-1-utf-8': 'utf-8',
  'utf-16le': 'utf-16le',
  'utf-16': 'utf-16le',
  'latin1': 'windows-1252',
  'iso-8859-1': 'windows-1252',
  'windows-1252': 'windows-1252',
  'us-ascii': 'windows-1252',
  ascii: 'windows-1252',
};

function viewOf(input: unknown): Uint8Array {
  if (input === undefined) return new Uint8Array(0);
  if (!isBufferSource(input)) throw new TypeError('The "input" argument must be an ArrayBuffer or ArrayBufferView');
  return input instanceof ArrayBuffer ? new Uint8Array(input) : new Uint8Array(input.buffer, input.byteOffset, input.byteLength);
}

/**
 * Installs `TextEncoder` and `TextDecoder` (UTF-8, UTF-16LE and Latin-1; no streaming state
 * across `decode` calls beyond what `stream: true` leaves at the end of a chunk).
 *
 * @example
 * ```ts
 * installTextEncoding();
 * new TextDecoder().decode(new TextEncoder().encode('hi')); // 'hi'
 * ```
 * @internal
 */
export function installTextEncoding(): void {
  class TextEncoder {
    get encoding(): string {
      return 'utf-8';
    }
    encode(input: unknown = ''): Uint8Array {
      return utf8Encode(toDomString(input));
    }
    encodeInto(input: unknown, destination: Uint8Array): { read: number; written: number } {
      const text = toDomString(input);
      let read = 0;
      let written = 0;
      for (const char of text) {
        const bytes = utf8Encode(char);
        if (written + bytes.length > destination.length) break;
        destination.set(bytes, written);
        written += bytes.length;
        read += char.length;
      }
      return { read, written };
    }
    get [Symbol.toStringTag](): string {
      return 'TextEncoder';
    }
  }
  class TextDecoder {
    readonly #encoding: string;
    readonly #fatal: boolean;
    readonly #ignoreBOM: boolean;
    #pending = new Uint8Array(0);
    constructor(label: unknown = 'utf-8', options: { fatal?: unknown; ignoreBOM?: unknown } = {}) {
      const encoding = LABELS[toDomString(label).trim().toLowerCase()];
      if (encoding === undefined) throw new RangeError(`The "${toDomString(label)}" encoding is not supported`);
      this.#encoding = encoding;
      this.#fatal = Boolean(options.fatal);
      this.#ignoreBOM = Boolean(options.ignoreBOM);
    }
    get encoding(): string {
      return this.#encoding;
    }
    get fatal(): boolean {
      return this.#fatal;
    }
    get ignoreBOM(): boolean {
      return this.#ignoreBOM;
    }
    decode(input?: unknown, options: { stream?: unknown } = {}): string {
      let bytes = viewOf(input);
      if (this.#pending.length > 0) {
        const joined = new Uint8Array(this.#pending.length + bytes.length);
        joined.set(this.#pending);
        joined.set(bytes, this.#pending.length);
        bytes = joined;
        this.#pending = new Uint8Array(0);
      }
      if (options.stream === true && this.#encoding === 'utf-8') {
        let cut = bytes.length;
        for (let back = 1; back <= 3 && back <= bytes.length; back++) {
          const b = bytes[bytes.length - back] ?? 0;
          if ((b & 0xc0) === 0x80) continue;
          const need = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 1;
          if (need > back) cut = bytes.length - back;
          break;
        }
        this.#pending = bytes.slice(cut);
        bytes = bytes.subarray(0, cut);
      }
      let text: string;
      if (this.#encoding === 'utf-16le') {
        let out = '';
        for (let i = 0; i + 1 < bytes.length; i += 2) out += String.fromCharCode((bytes[i] ?? 0) | ((bytes[i + 1] ?? 0) << 8));
        text = out;
      } else if (this.#encoding === 'windows-1252') {
        let out = '';
        for (const b of bytes) out += String.fromCharCode(b);
        text = out;
      } else {
        text = utf8Decode(bytes, this.#fatal);
      }
      return !this.#ignoreBOM && text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
    }
    get [Symbol.toStringTag](): string {
      return 'TextDecoder';
    }
  }
  defineGlobal('TextEncoder', TextEncoder);
  defineGlobal('TextDecoder', TextDecoder);
}
