import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { floatBitsArbitrary } from '../test-support/arbitraries.ts';
import { compareFloats } from './compare-floats.ts';

/** The total order key: the bits as u64, sign bit set → all bits flipped, else sign bit set. */
function totalOrderKey(value: number): bigint {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, value);
  const bits = view.getBigUint64(0);
  return bits >= 1n << 63n ? ~bits & ((1n << 64n) - 1n) : bits | (1n << 63n);
}

describe('compareFloats', () => {
  test('is the IEEE total order on the bits', () => {
    fc.assert(
      fc.property(
        fc.oneof(floatBitsArbitrary, fc.double()),
        fc.oneof(floatBitsArbitrary, fc.double()),
        (a, b) => {
          const x = totalOrderKey(a);
          const y = totalOrderKey(b);
          expect(compareFloats(a, b)).toBe(x < y ? -1 : x > y ? 1 : 0);
        },
      ),
      { numRuns: 2000 },
    );
  });

  test('compares the low 32 bits when the high ones are equal', () => {
    const word = fc.integer({ min: 0, max: 0xffff_ffff });
    fc.assert(
      fc.property(word, word, word, (high, lowA, lowB) => {
        const view = new DataView(new ArrayBuffer(16));
        view.setUint32(0, high);
        view.setUint32(4, lowA);
        view.setUint32(8, high);
        view.setUint32(12, lowB);
        const a = view.getFloat64(0);
        const b = view.getFloat64(8);
        const x = totalOrderKey(a);
        const y = totalOrderKey(b);
        expect(compareFloats(a, b)).toBe(x < y ? -1 : x > y ? 1 : 0);
      }),
      { numRuns: 1000 },
    );
  });
});
