const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const DECODE = new Int16Array(128).fill(-1);
for (let i = 0; i < BASE64.length; i++) DECODE[BASE64.charCodeAt(i)] = i;
DECODE['-'.charCodeAt(0)] = 62;
DECODE['_'.charCodeAt(0)] = 63;

/**
 * Standard, padded base64 of bytes.
 *
 * @example
 * ```ts
 * bytesToBase64(new Uint8Array([0, 1, 2])); // 'AAEC'
 * ```
 * @internal
 */
export function bytesToBase64(bytes: Uint8Array): string {
  let out = '';
  let i = 0;
  for (; i + 2 < bytes.length; i += 3) {
    const n = ((bytes[i] ?? 0) << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    out += BASE64[n >> 18]! + BASE64[(n >> 12) & 63]! + BASE64[(n >> 6) & 63]! + BASE64[n & 63]!;
  }
  const rest = bytes.length - i;
  if (rest === 1) {
    const n = (bytes[i] ?? 0) << 16;
    out += `${BASE64[n >> 18]!}${BASE64[(n >> 12) & 63]!}==`;
  } else if (rest === 2) {
    const n = ((bytes[i] ?? 0) << 16) | ((bytes[i + 1] ?? 0) << 8);
    out += `${BASE64[n >> 18]!}${BASE64[(n >> 12) & 63]!}${BASE64[(n >> 6) & 63]!}=`;
  }
  return out;
}

/**
 * Decodes base64 (standard or URL-safe, padding optional, ASCII whitespace ignored);
 * `null` when the text is not base64.
 *
 * @example
 * ```ts
 * base64ToBytes('AAEC'); // Uint8Array [0, 1, 2]
 * ```
 * @internal
 */
export function base64ToBytes(text: string): Uint8Array | null {
  const clean = text.replace(/[\t\n\f\r ]/g, '');
  const unpadded = clean.endsWith('==') ? clean.slice(0, -2) : clean.endsWith('=') ? clean.slice(0, -1) : clean;
  if (unpadded.length % 4 === 1) return null;
  const out = new Uint8Array(Math.floor((unpadded.length * 3) / 4));
  let buffer = 0;
  let bits = 0;
  let at = 0;
  for (let i = 0; i < unpadded.length; i++) {
    const code = unpadded.charCodeAt(i);
    const value = code < 128 ? (DECODE[code] ?? -1) : -1;
    if (value < 0) return null;
    buffer = (buffer << 6) | value;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[at++] = (buffer >> bits) & 0xff;
    }
  }
  return out;
}

/**
 * Copies the bytes of any buffer source (ArrayBuffer, typed array, DataView).
 *
 * @example
 * ```ts
 * copyBytes(new Uint16Array([1])); // Uint8Array [1, 0]
 * ```
 * @internal
 */
export function copyBytes(source: ArrayBuffer | ArrayBufferView): Uint8Array {
  if (source instanceof ArrayBuffer) return new Uint8Array(source.slice(0));
  return new Uint8Array(source.buffer.slice(source.byteOffset, source.byteOffset + source.byteLength));
}

/**
 * Whether a value is an ArrayBuffer or a view of one.
 *
 * @example
 * ```ts
 * isBufferSource(new Uint8Array(1)); // true
 * ```
 * @internal
 */
export function isBufferSource(value: unknown): value is ArrayBuffer | ArrayBufferView {
  return value instanceof ArrayBuffer || ArrayBuffer.isView(value);
}

/**
 * Concatenates byte arrays.
 *
 * @example
 * ```ts
 * concatBytes([new Uint8Array([1]), new Uint8Array([2])]); // Uint8Array [1, 2]
 * ```
 * @internal
 */
export function concatBytes(chunks: readonly Uint8Array[]): Uint8Array {
  let length = 0;
  for (const chunk of chunks) length += chunk.length;
  const out = new Uint8Array(length);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}
