const LONG_STRING = 1024;
// Created on first use: user code may load this package where TextEncoder is installed later.
let encoder: InstanceType<typeof TextEncoder> | undefined;

/**
 * The number of bytes of the UTF-8 encoding of `text` (a lone surrogate counts 3, as it is encoded
 * as U+FFFD).
 *
 * @example
 * ```ts
 * utf8ByteLength('é😀'); // 6
 * ```
 */
export function utf8ByteLength(text: string): number {
  // Native encoding beats the loop on long strings, despite the temporary buffer.
  if (text.length > LONG_STRING && typeof TextEncoder === 'function') {
    encoder ??= new TextEncoder();
    return encoder.encode(text).length;
  }
  let bytes = text.length;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) continue;
    if (code < 0x800) {
      bytes += 1;
    } else if (code >= 0xd800 && code <= 0xdbff && isLowSurrogate(text.charCodeAt(i + 1))) {
      // A surrogate pair: two UTF-16 units, four UTF-8 bytes.
      bytes += 2;
      i++;
    } else {
      bytes += 2;
    }
  }
  return bytes;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

/**
 * Compares two strings by their UTF-8 bytes (the order Convex uses for strings), without encoding
 * them. Returns a negative number, zero or a positive number.
 *
 * UTF-16 code-unit order equals code-point order except that surrogates (U+D800–U+DFFF, which
 * encode code points ≥ U+10000) sort below U+E000–U+FFFF; remapping the two ranges at the first
 * difference fixes that, and code-point order is UTF-8 byte order.
 *
 * @example
 * ```ts
 * compareUtf8('\uffff', '😀') < 0; // true, although '\uffff' > '😀' in UTF-16
 * ```
 */
export function compareUtf8(a: string, b: string): number {
  const length = Math.min(a.length, b.length);
  for (let i = 0; i < length; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x !== y) return orderKey(x) - orderKey(y);
  }
  return a.length - b.length;
}

function orderKey(code: number): number {
  if (code < 0xd800) return code;
  return code < 0xe000 ? code + 0x2000 : code - 0x800;
}

/**
 * Whether `text` is well-formed UTF-16 (no lone surrogates), i.e. can be encoded as UTF-8 without
 * loss.
 *
 * @example
 * ```ts
 * isWellFormedString('ok 😀'); // true
 * isWellFormedString('\ud800'); // false
 * ```
 */
export function isWellFormedString(text: string): boolean {
  return nativeIsWellFormed === undefined
    ? !LONE_SURROGATE.test(text)
    : nativeIsWellFormed.call(text);
}

/** `String.prototype.isWellFormed` (ES2024), where the platform has it. */
const nativeIsWellFormed = (String.prototype as { isWellFormed?: (this: string) => boolean })
  .isWellFormed;

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
