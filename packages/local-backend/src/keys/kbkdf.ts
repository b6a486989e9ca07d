import { createHmac } from 'node:crypto';

const HASH_BYTES = 32;

/**
 * KBKDF in counter mode with HMAC-SHA256 as the PRF (NIST SP 800-108r1 §4.1), laid out as
 * AWS-LC's `KBKDF_ctr_hmac`, which the reference uses to derive its per-purpose keys: block `i`
 * (from 1) is `HMAC-SHA256(secret, i as 32-bit big-endian ‖ info)`; the blocks are concatenated
 * and cut to `length` bytes. `info` is used as given (no label/context/L structure is added).
 *
 * @throws {RangeError} when `secret` is empty or `length` is not a positive integer (AWS-LC
 *   refuses both too).
 * @example
 * ```ts
 * // The reference's admin-key AEAD key.
 * const key = kbkdfCtrHmacSha256(secret.toBytes(), new TextEncoder().encode('admin key'), 16);
 * ```
 */
export function kbkdfCtrHmacSha256(
  secret: Uint8Array,
  info: Uint8Array,
  length: number,
): Uint8Array {
  if (secret.length === 0) throw new RangeError('KBKDF needs a non-empty secret');
  if (!Number.isSafeInteger(length) || length <= 0) {
    throw new RangeError(`KBKDF output length must be a positive integer, got ${length}`);
  }
  const blocks = Math.ceil(length / HASH_BYTES);
  if (blocks > 0xffff_ffff)
    throw new RangeError('KBKDF output length overflows the 32-bit counter');
  const out = new Uint8Array(blocks * HASH_BYTES);
  const counter = new Uint8Array(4);
  for (let i = 1; i <= blocks; i++) {
    new DataView(counter.buffer).setUint32(0, i, false);
    const block = createHmac('sha256', secret).update(counter).update(info).digest();
    out.set(block, (i - 1) * HASH_BYTES);
  }
  return out.slice(0, length);
}
