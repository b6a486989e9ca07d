import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { base64ToBytes, bytesToBase64 } from './bytes.ts';
import { utf8Decode, utf8Encode } from './text-encoding.ts';

describe('utf8', () => {
  test('encodes like TextEncoder (lone surrogates included)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        expect(utf8Encode(text)).toEqual(new TextEncoder().encode(text));
      }),
    );
  });

  test('decodes like TextDecoder, invalid bytes included', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), (bytes) => {
        expect(utf8Decode(bytes, false)).toBe(new TextDecoder().decode(bytes));
      }),
    );
  });

  test('fatal decoding throws on invalid input', () => {
    expect(() => utf8Decode(new Uint8Array([0xc3]), true)).toThrow(TypeError);
  });
});

describe('base64', () => {
  test('round-trips and matches Buffer', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), (bytes) => {
        const text = bytesToBase64(bytes);
        expect(text).toBe(Buffer.from(bytes).toString('base64'));
        expect(base64ToBytes(text)).toEqual(bytes);
      }),
    );
  });

  test('refuses non-base64', () => {
    expect(base64ToBytes('a$')).toBeNull();
  });
});
