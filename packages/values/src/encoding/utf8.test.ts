import fc from 'fast-check';
import { describe, expect, test, vi } from 'vitest';
import { stringArbitrary } from '../test-support/arbitraries.ts';
import { compareUtf8, isWellFormedString, utf8ByteLength } from './utf8.ts';

describe('utf8ByteLength', () => {
  test('equals the length of the UTF-8 encoding', () => {
    fc.assert(
      fc.property(
        fc.oneof(stringArbitrary, fc.string({ unit: 'grapheme', maxLength: 30 })),
        (text) => {
          expect(utf8ByteLength(text)).toBe(Buffer.byteLength(text, 'utf8'));
        },
      ),
      { numRuns: 500 },
    );
    expect(utf8ByteLength('\ud800x')).toBe(4);
    const long = 'é😀x'.repeat(1000);
    expect(utf8ByteLength(long)).toBe(Buffer.byteLength(long));
    vi.stubGlobal('TextEncoder', undefined);
    try {
      expect(utf8ByteLength(long)).toBe(Buffer.byteLength(long));
    } finally {
      vi.unstubAllGlobals();
    }
    expect(utf8ByteLength('x\udc00')).toBe(4);
  });
});

describe('compareUtf8', () => {
  test('orders like the UTF-8 bytes', () => {
    fc.assert(
      fc.property(stringArbitrary, stringArbitrary, (a, b) => {
        expect(Math.sign(compareUtf8(a, b))).toBe(
          Math.sign(Buffer.compare(Buffer.from(a), Buffer.from(b))),
        );
      }),
      { numRuns: 1000 },
    );
    expect(compareUtf8('\uffff', '😀')).toBeLessThan(0);
    expect(compareUtf8('😀', '\ue000')).toBeGreaterThan(0);
    expect(compareUtf8('a', 'ab')).toBeLessThan(0);
  });
});

describe('isWellFormedString', () => {
  test('finds lone surrogates', () => {
    expect(isWellFormedString('a😀b')).toBe(true);
    expect(isWellFormedString('\ud800')).toBe(false);
    expect(isWellFormedString('\udc00\ud800')).toBe(false);
  });
});
