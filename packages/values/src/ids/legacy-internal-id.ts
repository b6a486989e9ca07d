import { decodeBase64 } from '../encoding/base64.ts';
import { decodeBase62 } from './base62.ts';
import { INTERNAL_ID_LENGTH, type InternalId } from './internal-id.ts';
import { sha256 } from './sha256.ts';

/** Longest legacy v5 id: 16 bytes of unpadded base64. */
const V5_MAX_LENGTH = 22;

/**
 * The internal id inside a legacy id string, as `db.normalizeId` accepts them, or `null`:
 *
 * - up to 22 characters: v5, URL-safe base64 (no padding) of the 16-byte internal id;
 * - longer: v4, base62 of 17 bytes = 15 random bytes ‖ 2 day bytes, whose internal id is the first
 *   14 bytes of SHA-256 of the random bytes ‖ the 2 day bytes.
 *
 * @example
 * ```ts
 * decodeLegacyInternalId('AAAAAAAAAAAAAAAAAAAAAA'); // 16 zero bytes
 * ```
 */
export function decodeLegacyInternalId(text: string): InternalId | null {
  return text.length > V5_MAX_LENGTH ? decodeV4(text) : decodeV5(text);
}

function decodeV5(text: string): InternalId | null {
  if (text.includes('+') || text.includes('/') || text.includes('=')) return null;
  const padded = text + '='.repeat((4 - (text.length % 4)) % 4);
  let bytes: Uint8Array;
  try {
    bytes = decodeBase64(padded);
  } catch {
    return null;
  }
  return bytes.length === INTERNAL_ID_LENGTH ? (bytes as InternalId) : null;
}

function decodeV4(text: string): InternalId | null {
  const bytes = decodeBase62(text);
  if (bytes?.length !== 17) return null;
  const internalId = new Uint8Array(INTERNAL_ID_LENGTH);
  internalId.set(sha256(bytes.subarray(0, 15)).subarray(0, 14));
  internalId.set(bytes.subarray(15, 17), 14);
  return internalId as InternalId;
}
