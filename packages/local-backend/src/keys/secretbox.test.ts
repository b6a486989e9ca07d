import { describe, expect, test } from 'vitest';
import {
  SECRETBOX_MAC_BYTES,
  SECRETBOX_NONCE_BYTES,
  secretboxOpen,
  secretboxSeal,
} from './secretbox.ts';

const hex = (text: string) => new Uint8Array(Buffer.from(text, 'hex'));
const toHex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex');

describe('secretbox', () => {
  // The reference's own compatibility vector for its legacy encryptor (legacy_encryptor.rs
  // `test_compatible`): secret = 32 bytes of 39, version 1, protobuf string "hello world".
  const secret = new Uint8Array(32).fill(39);
  const encrypted = hex(
    '010a1e6e07e418a1791e491de168a62e37abce83f3453b3d01c358d38771815433f8ecba285de5a47effe43bd3d5f1a0087788857987',
  );
  const nonce = encrypted.subarray(1, 1 + SECRETBOX_NONCE_BYTES);
  const box = encrypted.subarray(1 + SECRETBOX_NONCE_BYTES);

  test("opens the reference legacy encryptor's vector", () => {
    const plaintext = secretboxOpen(secret, nonce, box);
    // Field 1, length 11, "hello world": prost's encoding of a String message.
    expect(plaintext && toHex(plaintext)).toBe('0a0b' + Buffer.from('hello world').toString('hex'));
  });

  test('refuses another key or a changed byte', () => {
    expect(secretboxOpen(new Uint8Array(32).fill(40), nonce, box)).toBeUndefined();
    const tampered = Uint8Array.from(box);
    tampered[SECRETBOX_MAC_BYTES]! ^= 1;
    expect(secretboxOpen(secret, nonce, tampered)).toBeUndefined();
  });

  test('seals with the MAC first, as libsodium', () => {
    const sealed = secretboxSeal(
      secret,
      nonce,
      hex('0a0b' + Buffer.from('hello world').toString('hex')),
    );
    expect(toHex(sealed)).toBe(toHex(box));
  });
});
