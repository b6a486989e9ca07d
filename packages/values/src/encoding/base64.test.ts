import fc from 'fast-check';
import { describe, expect, test, vi } from 'vitest';
import { officialBase64 } from '../test-support/official.ts';
import { Base64 } from './base64-namespace.ts';
import {
  base64ByteLength,
  decodeBase64,
  encodeBase64,
  encodeBase64UrlNoPadding,
} from './base64.ts';

describe('encodeBase64', () => {
  test('equals Node and convex/values for any bytes, short and long', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.uint8Array({ maxLength: 60 }), fc.uint8Array({ maxLength: 3000 })),
        (bytes) => {
          const expected = Buffer.from(bytes).toString('base64');
          expect(encodeBase64(bytes)).toBe(expected);
          expect(Base64.fromByteArray(bytes)).toBe(officialBase64.fromByteArray(bytes));
          expect(encodeBase64UrlNoPadding(bytes)).toBe(Buffer.from(bytes).toString('base64url'));
        },
      ),
      { numRuns: 300 },
    );
  });

  test('works without btoa', () => {
    const bytes = Uint8Array.from({ length: 20_000 }, (_, i) => (i * 31) & 0xff);
    vi.stubGlobal('btoa', undefined);
    try {
      expect(encodeBase64(bytes)).toBe(Buffer.from(bytes).toString('base64'));
    } finally {
      vi.unstubAllGlobals();
    }
  });
});

describe('decodeBase64', () => {
  test('inverts the encoder for both alphabets', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        expect(decodeBase64(encodeBase64(bytes))).toEqual(bytes);
        const urlSafe = Buffer.from(bytes).toString('base64url');
        expect(decodeBase64(urlSafe + '='.repeat((4 - (urlSafe.length % 4)) % 4))).toEqual(bytes);
        expect(Base64.toByteArray(encodeBase64(bytes))).toEqual(
          officialBase64.toByteArray(encodeBase64(bytes)),
        );
      }),
      { numRuns: 300 },
    );
  });

  test('rejects malformed input, saying what and where', () => {
    expect(() => decodeBase64('abc')).toThrow('invalid base64: length 3 is not a multiple of 4');
    expect(() => decodeBase64('ab c')).toThrow(
      'invalid base64: unexpected character " " at index 2',
    );
    expect(() => decodeBase64('a=bc')).toThrow(
      "invalid base64: unexpected '=' before the end at index 1",
    );
    expect(() => decodeBase64('====')).toThrow("unexpected '=' before the end at index 0");
    expect(() => decodeBase64('AB==')).toThrow('non-zero padding bits in the character at index 1');
    expect(() => decodeBase64('ABC=')).toThrow('non-zero padding bits in the character at index 2');
    expect(() => decodeBase64('é===')).toThrow('unexpected character "é" at index 0');
  });
});

describe('Base64', () => {
  test('has the byteLength of convex/values', () => {
    for (const text of ['', 'AA==', 'AAA=', 'AAAA', 'AAAAAA==']) {
      expect(Base64.byteLength(text)).toBe(officialBase64.byteLength(text));
      expect(base64ByteLength(text)).toBe(decodeBase64(text).length);
    }
    expect(() => Base64.byteLength('A')).toThrow('multiple of 4');
  });
});
