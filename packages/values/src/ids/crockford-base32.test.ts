import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { base32Length, decodeBase32, encodeBase32 } from './crockford-base32.ts';

describe('Crockford base32', () => {
  test('round-trips any bytes in the predicted length', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 40 }), (bytes) => {
        const text = encodeBase32(bytes, bytes.length);
        expect(text).toHaveLength(base32Length(bytes.length));
        expect(text).toMatch(/^[0-9a-hjkmnp-tv-z]*$/);
        expect(decodeBase32(text)).toEqual(bytes);
      }),
      { numRuns: 500 },
    );
  });

  test('packs bits big-endian', () => {
    expect(encodeBase32(new Uint8Array([0xff]), 1)).toBe('zw');
    expect(encodeBase32(new Uint8Array([0, 0, 0, 0, 1]), 5)).toBe('00000001');
    expect([2, 4, 5, 7, 8].map((_, i) => base32Length(i + 1))).toEqual([2, 4, 5, 7, 8]);
    expect(decodeBase32('0i')).toEqual({ badIndex: 1 });
  });
});
