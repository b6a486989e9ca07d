/** Crockford's base32 alphabet, lowercase, as used by document ids. */
const ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz';

/** Character code → 5-bit value; -1 outside the alphabet (uppercase is not accepted). */
const QUINTETS = new Int8Array(128).fill(-1);
for (let i = 0; i < 32; i++) QUINTETS[ALPHABET.charCodeAt(i)] = i;

/**
 * The number of characters {@link encodeBase32} produces for `byteLength` bytes: 8 per 5 bytes, and
 * 2/4/5/7 for a trailing group of 1/2/3/4 bytes.
 *
 * @internal
 * @example
 * ```ts
 * base32Length(20); // 32
 * ```
 */
export function base32Length(byteLength: number): number {
  return Math.ceil((byteLength * 8) / 5);
}

/**
 * Lowercase Crockford base32 of `bytes[0 … end)`: big-endian bit packing, the last character
 * padded with zero bits, no padding characters.
 *
 * @internal
 * @example
 * ```ts
 * encodeBase32(new Uint8Array([0xff]), 1); // 'zw'
 * ```
 */
export function encodeBase32(bytes: Uint8Array, end: number): string {
  let out = '';
  let buffer = 0;
  let bits = 0;
  for (let i = 0; i < end; i++) {
    buffer = ((buffer & 0xff) << 8) | bytes[i]!;
    bits += 8;
    while (bits >= 5) {
      bits -= 5;
      out += ALPHABET[(buffer >>> bits) & 31]!;
    }
  }
  if (bits > 0) out += ALPHABET[(buffer << (5 - bits)) & 31]!;
  return out;
}

/**
 * The bytes of a lowercase Crockford base32 string (trailing bits that do not fill a byte are
 * dropped), or the index of the first character outside the alphabet.
 *
 * @internal
 * @example
 * ```ts
 * decodeBase32('zw'); // Uint8Array [255]
 * decodeBase32('zu'); // { badIndex: 1 }
 * ```
 */
export function decodeBase32(text: string): Uint8Array | { readonly badIndex: number } {
  const out = new Uint8Array(Math.floor((text.length * 5) / 8));
  let buffer = 0;
  let bits = 0;
  let at = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const value = code < 128 ? QUINTETS[code]! : -1;
    if (value < 0) return { badIndex: i };
    buffer = ((buffer & 0xff) << 5) | value;
    bits += 5;
    if (bits >= 8) {
      bits -= 8;
      out[at++] = (buffer >>> bits) & 0xff;
    }
  }
  return out;
}
