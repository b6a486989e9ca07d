import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { decodeBase64, encodeBase64 } from './base64.ts';

describe('base64', () => {
  test('encodes the RFC 4648 test vectors', () => {
    const vectors = ['', 'f', 'fo', 'foo', 'foob', 'fooba', 'foobar'].map((text) =>
      encodeBase64(new TextEncoder().encode(text)),
    );
    expect(vectors).toEqual(['', 'Zg==', 'Zm8=', 'Zm9v', 'Zm9vYg==', 'Zm9vYmE=', 'Zm9vYmFy']);
  });

  test('round-trips any bytes and agrees with Buffer', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), (bytes) => {
        const encoded = encodeBase64(bytes);
        expect(encoded).toBe(Buffer.from(bytes).toString('base64'));
        expect(decodeBase64(encoded)).toEqual(bytes);
      }),
    );
  });

  test('rejects what is not standard padded base64', () => {
    for (const bad of [
      'A',
      'AAA',
      'AA=A',
      '====',
      'AA-_',
      'Zh==',
      'Zm9=',
      'AAAAAAAAAAA',
      'AAAA\u00e9AAA',
    ]) {
      expect(decodeBase64(bad), bad).toBeUndefined();
    }
  });
});
