const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/**
 * Decodes the base62 of the `base_62` Rust crate, which legacy (v4) ids used: the text is a
 * number written least-significant digit first in the alphabet `0-9 A-Z a-z`, and its big-endian
 * bytes without the first one (the encoder prepends a 0x01 to keep leading zeros) are the data.
 * Returns `null` for characters outside the alphabet.
 *
 * @internal
 * @example
 * ```ts
 * decodeBase62('JsoUl8'); // Uint8Array [0xde, 0xad, 0xbe, 0xef]
 * ```
 */
export function decodeBase62(text: string): Uint8Array | null {
  let value = 0n;
  for (let i = text.length - 1; i >= 0; i--) {
    const digit = ALPHABET.indexOf(text[i]!);
    if (digit < 0) return null;
    value = value * 62n + BigInt(digit);
  }
  const hex = value.toString(16);
  const bytes = new Uint8Array(Math.ceil(hex.length / 2));
  const padded = hex.length % 2 === 0 ? hex : `0${hex}`;
  for (let i = 0; i < bytes.length; i++) bytes[i] = parseInt(padded.slice(i * 2, i * 2 + 2), 16);
  return bytes.subarray(1);
}
