import { ValuesError } from '../errors/values-error.ts';

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const URL_SAFE_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const PAD = 61; // '='

/** Character code → 6-bit value; -1 for characters outside both alphabets. */
const SIXTETS = new Int8Array(128).fill(-1);
for (let i = 0; i < 64; i++) {
  SIXTETS[ALPHABET.charCodeAt(i)] = i;
  SIXTETS[URL_SAFE_ALPHABET.charCodeAt(i)] = i;
}

/** Below this many bytes, string concatenation beats the native `btoa`. */
const SMALL_INPUT = 24;
/** Characters per `String.fromCharCode` call (far below any engine's argument limit). */
const CHUNK = 8192;

/**
 * Standard base64 (alphabet `A–Z a–z 0–9 + /`, `=` padding) of `bytes`.
 *
 * @example
 * ```ts
 * encodeBase64(new Uint8Array([0, 1, 2])); // 'AAEC'
 * ```
 */
export function encodeBase64(bytes: Uint8Array): string {
  if (bytes.length < SMALL_INPUT) return encodeSmall(bytes, ALPHABET);
  // btoa is native in browsers, Node and the function runtime; checked per call because user
  // code may load this package before its globals are installed.
  return typeof btoa === 'function' ? btoa(binaryString(bytes)) : encodeLarge(bytes, ALPHABET);
}

/**
 * URL-safe base64 (alphabet `A–Z a–z 0–9 - _`) of `bytes`, without padding.
 *
 * @example
 * ```ts
 * encodeBase64UrlNoPadding(new Uint8Array([251, 255])); // '-_8'
 * ```
 */
export function encodeBase64UrlNoPadding(bytes: Uint8Array): string {
  const text =
    bytes.length < SMALL_INPUT
      ? encodeSmall(bytes, URL_SAFE_ALPHABET)
      : encodeLarge(bytes, URL_SAFE_ALPHABET);
  const padding = text.endsWith('==') ? 2 : text.endsWith('=') ? 1 : 0;
  return padding === 0 ? text : text.slice(0, text.length - padding);
}

function encodeSmall(bytes: Uint8Array, alphabet: string): string {
  let out = '';
  const whole = bytes.length - (bytes.length % 3);
  for (let i = 0; i < whole; i += 3) {
    const n = ((bytes[i] ?? 0) << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    out +=
      alphabet[n >>> 18]! +
      alphabet[(n >>> 12) & 63]! +
      alphabet[(n >>> 6) & 63]! +
      alphabet[n & 63]!;
  }
  return out + encodeTail(bytes, whole, alphabet);
}

function encodeLarge(bytes: Uint8Array, alphabet: string): string {
  const codes = new Uint8Array(Math.ceil(bytes.length / 3) * 4);
  const whole = bytes.length - (bytes.length % 3);
  let o = 0;
  for (let i = 0; i < whole; i += 3) {
    const n = ((bytes[i] ?? 0) << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    codes[o++] = alphabet.charCodeAt(n >>> 18);
    codes[o++] = alphabet.charCodeAt((n >>> 12) & 63);
    codes[o++] = alphabet.charCodeAt((n >>> 6) & 63);
    codes[o++] = alphabet.charCodeAt(n & 63);
  }
  return binaryString(codes.subarray(0, o)) + encodeTail(bytes, whole, alphabet);
}

/** The string whose char codes are `bytes` (a "binary string"). */
function binaryString(bytes: Uint8Array): string {
  let out = '';
  for (let start = 0; start < bytes.length; start += CHUNK) {
    // apply takes the typed array as an array-like, without the cost of spreading it.
    out += String.fromCharCode.apply(
      null,
      bytes.subarray(start, start + CHUNK) as unknown as number[],
    );
  }
  return out;
}

function encodeTail(bytes: Uint8Array, start: number, alphabet: string): string {
  const left = bytes.length - start;
  if (left === 0) return '';
  const a = bytes[start] ?? 0;
  if (left === 1) return alphabet[a >>> 2]! + alphabet[(a & 3) << 4]! + '==';
  const b = bytes[start + 1] ?? 0;
  return (
    alphabet[a >>> 2]! + alphabet[((a & 3) << 4) | (b >>> 4)]! + alphabet[(b & 15) << 2]! + '='
  );
}

/**
 * Decodes base64 strictly: standard or URL-safe alphabet, length a multiple of 4, at most two `=`
 * and only at the end, and zero padding bits (so every byte string has exactly one encoding).
 *
 * @throws {ValuesError} code `InvalidBase64`, saying what is wrong and at which character.
 * @example
 * ```ts
 * decodeBase64('AAEC'); // Uint8Array [0, 1, 2]
 * ```
 */
export function decodeBase64(text: string): Uint8Array<ArrayBuffer> {
  const length = text.length;
  if (length % 4 !== 0) {
    throw new ValuesError(
      'InvalidBase64',
      `invalid base64: length ${length} is not a multiple of 4`,
    );
  }
  let padding = 0;
  if (length > 0 && text.charCodeAt(length - 1) === PAD)
    padding = text.charCodeAt(length - 2) === PAD ? 2 : 1;
  const out = new Uint8Array((length / 4) * 3 - padding);
  const end = length - (padding === 0 ? 0 : 4);
  let o = 0;
  for (let i = 0; i < end; i += 4) {
    const n =
      (sixtet(text, i) << 18) |
      (sixtet(text, i + 1) << 12) |
      (sixtet(text, i + 2) << 6) |
      sixtet(text, i + 3);
    out[o++] = n >>> 16;
    out[o++] = (n >>> 8) & 255;
    out[o++] = n & 255;
  }
  if (padding === 2) {
    const n = (sixtet(text, end) << 6) | sixtet(text, end + 1);
    if ((n & 15) !== 0) throw nonCanonical(end + 1);
    out[o] = n >>> 4;
  } else if (padding === 1) {
    const n = (sixtet(text, end) << 12) | (sixtet(text, end + 1) << 6) | sixtet(text, end + 2);
    if ((n & 3) !== 0) throw nonCanonical(end + 2);
    out[o++] = n >>> 10;
    out[o] = (n >>> 2) & 255;
  }
  return out;
}

function sixtet(text: string, index: number): number {
  const code = text.charCodeAt(index);
  const value = code < 128 ? (SIXTETS[code] ?? -1) : -1;
  if (value < 0) {
    const what = code === PAD ? "'=' before the end" : `character ${JSON.stringify(text[index])}`;
    throw new ValuesError('InvalidBase64', `invalid base64: unexpected ${what} at index ${index}`);
  }
  return value;
}

function nonCanonical(index: number): ValuesError {
  return new ValuesError(
    'InvalidBase64',
    `invalid base64: non-zero padding bits in the character at index ${index}`,
  );
}

/**
 * The number of bytes the padded base64 string `text` decodes to, from its length alone (like the
 * `base64-js` function `convex/values` exposes).
 *
 * @throws {ValuesError} code `InvalidBase64` if the length is not a multiple of 4.
 * @example
 * ```ts
 * base64ByteLength('AAE='); // 2
 * ```
 */
export function base64ByteLength(text: string): number {
  if (text.length % 4 !== 0) {
    throw new ValuesError(
      'InvalidBase64',
      `invalid base64: length ${text.length} is not a multiple of 4`,
    );
  }
  const firstPad = text.indexOf('=');
  const valid = firstPad === -1 ? text.length : firstPad;
  const padding = valid === text.length ? 0 : 4 - (valid % 4);
  return ((valid + padding) * 3) / 4 - padding;
}
