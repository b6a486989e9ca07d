// libsodium's secretbox (XSalsa20-Poly1305), through tweetnacl. The reference's older keys
// ("LegacyEncryptor") are secretbox output keyed directly by the instance secret; it still
// accepts them, so we do too. We never mint in this format.

import nacl from 'tweetnacl';

/** Key length: 32 bytes. */
export const SECRETBOX_KEY_BYTES = nacl.secretbox.keyLength;
/** Nonce length: 24 bytes. */
export const SECRETBOX_NONCE_BYTES = nacl.secretbox.nonceLength;
/** Authenticator length: 16 bytes, at the front of the box. */
export const SECRETBOX_MAC_BYTES = nacl.secretbox.overheadLength;

/**
 * Seals `plaintext`: returns `mac(16) ‖ ciphertext`, libsodium's combined layout.
 * Used only by tests, to build legacy keys.
 *
 * @example
 * ```ts
 * const box = secretboxSeal(secret.toBytes(), nonce, plaintext);
 * ```
 */
export function secretboxSeal(
  key: Uint8Array,
  nonce: Uint8Array,
  plaintext: Uint8Array,
): Uint8Array {
  return nacl.secretbox(plaintext, nonce, key);
}

/**
 * Opens `mac ‖ ciphertext`, or returns `undefined` when it does not authenticate under
 * `key` and `nonce` (tweetnacl compares the MAC in constant time).
 *
 * @throws {Error} (from tweetnacl) when the key or nonce has the wrong length.
 * @example
 * ```ts
 * const plaintext = secretboxOpen(secret.toBytes(), nonce, box);
 * ```
 */
export function secretboxOpen(
  key: Uint8Array,
  nonce: Uint8Array,
  box: Uint8Array,
): Uint8Array | undefined {
  return nacl.secretbox.open(box, nonce, key) ?? undefined;
}
