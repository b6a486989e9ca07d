import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { compareBytes } from './compare-bytes.ts';

describe('compareBytes', () => {
  test('orders like Buffer.compare', () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ maxLength: 6, max: 2 }),
        fc.uint8Array({ maxLength: 6, max: 2 }),
        (a, b) => {
          expect(compareBytes(a, b)).toBe(Buffer.compare(a, b));
        },
      ),
      { numRuns: 1000 },
    );
  });
});
