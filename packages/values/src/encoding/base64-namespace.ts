import {
  base64ByteLength,
  decodeBase64,
  encodeBase64,
  encodeBase64UrlNoPadding,
} from './base64.ts';

/**
 * Base64 helpers with the names and signatures of the `Base64` namespace of `convex/values`.
 * Unlike that one, `toByteArray` rejects malformed input (bad characters, misplaced `=`, non-zero
 * padding bits) with a `ValuesError` instead of returning garbage bytes.
 *
 * @example
 * ```ts
 * Base64.fromByteArray(new Uint8Array([1, 2, 3])); // 'AQID'
 * Base64.toByteArray('AQID'); // Uint8Array [1, 2, 3]
 * Base64.byteLength('AQID'); // 3
 * ```
 */
export const Base64 = Object.freeze({
  /** Standard, padded base64 of `bytes`. */
  fromByteArray: (bytes: Uint8Array): string => encodeBase64(bytes),
  /** URL-safe base64 of `bytes` without padding. */
  fromByteArrayUrlSafeNoPadding: (bytes: Uint8Array): string => encodeBase64UrlNoPadding(bytes),
  /** The bytes of a (standard or URL-safe, padded) base64 string. */
  toByteArray: (text: string): Uint8Array => decodeBase64(text),
  /** The number of bytes `text` decodes to. */
  byteLength: (text: string): number => base64ByteLength(text),
});
