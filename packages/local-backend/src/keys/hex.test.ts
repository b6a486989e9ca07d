import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { decodeHex, encodeHex } from './hex.ts';

describe('hex', () => {
  test('round-trips any bytes, lower-case', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), (bytes) => {
        const text = encodeHex(bytes);
        expect(text).toMatch(/^[0-9a-f]*$/);
        expect(decodeHex(text)).toEqual(bytes);
        expect(decodeHex(text.toUpperCase())).toEqual(bytes);
      }),
    );
  });

  test('refuses odd lengths and non-hex characters instead of truncating', () => {
    expect(decodeHex('abc')).toBeUndefined();
    expect(decodeHex('0g')).toBeUndefined();
    expect(decodeHex('00 1')).toBeUndefined();
    expect(decodeHex('0x01')).toBeUndefined();
    expect(decodeHex('')).toEqual(new Uint8Array(0));
  });

  test('encodes a view of a larger buffer correctly', () => {
    expect(encodeHex(new Uint8Array([1, 2, 3, 4]).subarray(1, 3))).toBe('0203');
  });
});
