const HEX = /^[0-9a-fA-F]*$/;

/**
 * Decodes hex (either case) to bytes, or `undefined` if `text` has an odd length or a non-hex
 * character. `Buffer.from(text, 'hex')` alone would silently stop at the first bad character.
 *
 * @internal
 * @example
 * ```ts
 * decodeHex('01ff'); // Uint8Array [1, 255]
 * decodeHex('0x1'); // undefined
 * ```
 */
export function decodeHex(text: string): Uint8Array | undefined {
  if (text.length % 2 !== 0 || !HEX.test(text)) return undefined;
  return new Uint8Array(Buffer.from(text, 'hex'));
}

/**
 * Encodes bytes as lower-case hex, as the reference does.
 *
 * @internal
 * @example
 * ```ts
 * encodeHex(new Uint8Array([1, 255])); // '01ff'
 * ```
 */
export function encodeHex(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('hex');
}
