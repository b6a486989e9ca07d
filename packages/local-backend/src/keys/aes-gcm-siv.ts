// AES-GCM-SIV (RFC 8452), built from Node's AES block function (ECB over prepared blocks) and our
// POLYVAL, because node:crypto has no GCM-SIV. The reference encrypts admin keys with
// AES-128-GCM-SIV (aws-lc-rs `AES_128_GCM_SIV`); AES-256 keys are accepted too so the RFC's
// counter-wrap vectors can be checked.

import { createCipheriv, timingSafeEqual } from 'node:crypto';
import { polyval } from './polyval.ts';

const BLOCK = 16;
const NONCE_BYTES = 12;
const TAG_BYTES = 16;
/** RFC 8452 §6: plaintext and AAD are at most 2^36 bytes. */
const MAX_INPUT_BYTES = 2 ** 36;

/**
 * What {@link aesGcmSivSeal} and {@link aesGcmSivOpen} take.
 *
 * @example
 * ```ts
 * const input: AesGcmSivInput = { key, nonce, data: plaintext, aad: new Uint8Array([1]) };
 * ```
 */
export interface AesGcmSivInput {
  /** The key-generating key: 16 bytes (AES-128-GCM-SIV) or 32 (AES-256-GCM-SIV). */
  readonly key: Uint8Array;
  /** 12 bytes. */
  readonly nonce: Uint8Array;
  /** The plaintext to seal, or `ciphertext ‖ tag` to open. */
  readonly data: Uint8Array;
  /** Additional authenticated data; empty when omitted. */
  readonly aad?: Uint8Array | undefined;
}

function aesEncryptBlocks(key: Uint8Array, blocks: Uint8Array): Uint8Array {
  const cipher = createCipheriv(key.length === 16 ? 'aes-128-ecb' : 'aes-256-ecb', key, null);
  cipher.setAutoPadding(false);
  return new Uint8Array(Buffer.concat([cipher.update(blocks), cipher.final()]));
}

function checkInput({ key, nonce, data, aad }: AesGcmSivInput): void {
  if (key.length !== 16 && key.length !== 32)
    throw new RangeError(`AES-GCM-SIV key must be 16 or 32 bytes, got ${key.length}`);
  if (nonce.length !== NONCE_BYTES)
    throw new RangeError(`AES-GCM-SIV nonce must be 12 bytes, got ${nonce.length}`);
  if (data.length > MAX_INPUT_BYTES + TAG_BYTES || (aad?.length ?? 0) > MAX_INPUT_BYTES) {
    throw new RangeError('AES-GCM-SIV input exceeds 2^36 bytes');
  }
}

/** RFC 8452 §4: per-nonce message-authentication and message-encryption keys. */
function deriveKeys(
  key: Uint8Array,
  nonce: Uint8Array,
): { authKey: Uint8Array; encKey: Uint8Array } {
  const halves = key.length === 16 ? 4 : 6;
  const input = new Uint8Array(halves * BLOCK);
  const view = new DataView(input.buffer);
  for (let i = 0; i < halves; i++) {
    view.setUint32(i * BLOCK, i, true);
    input.set(nonce, i * BLOCK + 4);
  }
  const output = aesEncryptBlocks(key, input);
  const half = (i: number) => output.subarray(i * BLOCK, i * BLOCK + 8);
  const authKey = new Uint8Array(BLOCK);
  authKey.set(half(0), 0);
  authKey.set(half(1), 8);
  const encKey = new Uint8Array(key.length);
  for (let i = 2; i < halves; i++) encKey.set(half(i), (i - 2) * 8);
  return { authKey, encKey };
}

const padded = (length: number) => Math.ceil(length / BLOCK) * BLOCK;

/** RFC 8452 §4: POLYVAL over the padded AAD, plaintext and lengths, masked with the nonce, encrypted. */
function computeTag(
  keys: { authKey: Uint8Array; encKey: Uint8Array },
  { nonce, plaintext, aad }: { nonce: Uint8Array; plaintext: Uint8Array; aad: Uint8Array },
): Uint8Array {
  const input = new Uint8Array(padded(aad.length) + padded(plaintext.length) + BLOCK);
  input.set(aad, 0);
  input.set(plaintext, padded(aad.length));
  const lengths = new DataView(input.buffer, input.length - BLOCK);
  lengths.setBigUint64(0, BigInt(aad.length) * 8n, true);
  lengths.setBigUint64(8, BigInt(plaintext.length) * 8n, true);
  const s = polyval(keys.authKey, input);
  for (let i = 0; i < NONCE_BYTES; i++) s[i]! ^= nonce[i]!;
  s[15]! &= 0x7f;
  return aesEncryptBlocks(keys.encKey, s);
}

/** RFC 8452 §4: AES-CTR whose first 32 bits count little-endian, wrapping, from the tag with its top bit set. */
function ctr(encKey: Uint8Array, tag: Uint8Array, input: Uint8Array): Uint8Array {
  const blocks = Math.ceil(input.length / BLOCK);
  const counters = new Uint8Array(blocks * BLOCK);
  const view = new DataView(counters.buffer);
  const first = Uint8Array.from(tag);
  first[15]! |= 0x80;
  const low = new DataView(first.buffer).getUint32(0, true);
  for (let i = 0; i < blocks; i++) {
    counters.set(first, i * BLOCK);
    view.setUint32(i * BLOCK, (low + i) >>> 0, true);
  }
  const stream = aesEncryptBlocks(encKey, counters);
  const out = new Uint8Array(input.length);
  for (let i = 0; i < input.length; i++) out[i] = input[i]! ^ stream[i]!;
  return out;
}

/**
 * Encrypts and authenticates `data`: returns `ciphertext ‖ tag` (16 bytes longer than `data`).
 *
 * @throws {RangeError} on a key that is not 16/32 bytes, a nonce that is not 12 bytes, or input
 *   over 2^36 bytes.
 * @example
 * ```ts
 * // RFC 8452 C.1, 8-byte plaintext.
 * aesGcmSivSeal({ key: hex('01000000000000000000000000000000'), nonce: hex('030000000000000000000000'),
 *   data: hex('0100000000000000') }); // → b5d839330ac7b786578782fff6013b815b287c22493a364c
 * ```
 */
export function aesGcmSivSeal(input: AesGcmSivInput): Uint8Array {
  checkInput(input);
  const { key, nonce, data } = input;
  const keys = deriveKeys(key, nonce);
  const tag = computeTag(keys, { nonce, plaintext: data, aad: input.aad ?? new Uint8Array(0) });
  const out = new Uint8Array(data.length + TAG_BYTES);
  out.set(ctr(keys.encKey, tag, data), 0);
  out.set(tag, data.length);
  return out;
}

/**
 * Authenticates and decrypts `data` (`ciphertext ‖ tag`). Returns the plaintext, or `undefined`
 * when the tag does not match (wrong key, nonce or AAD, or tampered data). The tag comparison
 * is constant-time, and no plaintext is released before it.
 *
 * @throws {RangeError} on a key that is not 16/32 bytes or a nonce that is not 12 bytes.
 * @example
 * ```ts
 * const plaintext = aesGcmSivOpen({ key, nonce, data: sealed, aad });
 * if (plaintext === undefined) throw new Error('cannot decrypt');
 * ```
 */
export function aesGcmSivOpen(input: AesGcmSivInput): Uint8Array | undefined {
  checkInput(input);
  const { key, nonce, data } = input;
  if (data.length < TAG_BYTES) return undefined;
  const keys = deriveKeys(key, nonce);
  const tag = data.subarray(data.length - TAG_BYTES);
  const plaintext = ctr(keys.encKey, tag, data.subarray(0, data.length - TAG_BYTES));
  const expected = computeTag(keys, { nonce, plaintext, aad: input.aad ?? new Uint8Array(0) });
  if (!timingSafeEqual(expected, tag)) {
    plaintext.fill(0);
    return undefined;
  }
  return plaintext;
}
