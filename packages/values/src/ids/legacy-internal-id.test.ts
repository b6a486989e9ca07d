import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { decodeBase62 } from './base62.ts';
import { makeDocumentId } from './document-id.ts';
import { makeInternalId } from './internal-id.ts';
import { decodeLegacyInternalId } from './legacy-internal-id.ts';
import { normalizeDocumentId } from './normalize-document-id.ts';
import { makeTableNumber } from './table-number.ts';

const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/** The `base_62` crate's encoder: prepend 0x01, then digits least significant first. */
function encodeBase62(bytes: Uint8Array): string {
  let value = 1n;
  for (const byte of bytes) value = (value << 8n) | BigInt(byte);
  let out = '';
  while (value > 0n) {
    out += ALPHABET[Number(value % 62n)];
    value /= 62n;
  }
  return out;
}

describe('decodeBase62', () => {
  test("inverts the base_62 crate's encoding, leading zeros included", () => {
    expect(decodeBase62('JsoUl8')).toEqual(new Uint8Array([0xde, 0xad, 0xbe, 0xef]));
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 20 }), (bytes) => {
        expect(decodeBase62(encodeBase62(bytes))).toEqual(bytes);
      }),
    );
    expect(decodeBase62('ab-')).toBeNull();
  });
});

describe('decodeLegacyInternalId', () => {
  test('reads v5 ids: 22 characters of URL-safe base64', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 16, maxLength: 16 }), (bytes) => {
        expect(decodeLegacyInternalId(Buffer.from(bytes).toString('base64url'))).toEqual(bytes);
      }),
    );
    expect(decodeLegacyInternalId('BJbr11wH980UmedO1cm7Aw')).toEqual(
      new Uint8Array(Buffer.from('BJbr11wH980UmedO1cm7Aw', 'base64url')),
    );
  });

  test('reads v4 ids: base62 of 15 random bytes and 2 day bytes, hashed', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 17, maxLength: 17 }), (bytes) => {
        const expected = new Uint8Array(16);
        expected.set(createHash('sha256').update(bytes.subarray(0, 15)).digest().subarray(0, 14));
        expected.set(bytes.subarray(15), 14);
        const text = encodeBase62(bytes);
        expect(text.length).toBeGreaterThan(22);
        expect(decodeLegacyInternalId(text)).toEqual(expected);
      }),
      { numRuns: 200 },
    );
  });

  test('rejects everything else', () => {
    for (const text of [
      '',
      'short',
      'AAAAAAAAAAAAAAAAAAAAA',
      'AAAAAAAAAAAAAAAAAAAAA+',
      'AAAAAAAAAAAAAAAAAAAAAB',
      `${'A'.repeat(23)}!`,
      encodeBase62(new Uint8Array(16)),
    ]) {
      expect(decodeLegacyInternalId(text)).toBeNull();
    }
  });
});

describe('normalizeDocumentId', () => {
  const internalId = makeInternalId(Uint8Array.from({ length: 16 }, (_, i) => i * 7));
  const users = makeTableNumber(10_001);
  const posts = makeTableNumber(10_002);

  test('returns an id of the same table as is', () => {
    const id = makeDocumentId(users, internalId);
    expect(normalizeDocumentId(id, users)).toBe(id);
  });

  test('returns null for ids of other tables and for garbage', () => {
    expect(normalizeDocumentId(makeDocumentId(posts, internalId), users)).toBeNull();
    expect(normalizeDocumentId('nope', users)).toBeNull();
  });

  test('re-encodes legacy internal ids into the table', () => {
    const legacy = Buffer.from(internalId).toString('base64url');
    expect(normalizeDocumentId(legacy, users)).toBe(makeDocumentId(users, internalId));
  });
});
