import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { readVint, vintLength, writeVint } from './vint.ts';

describe('VInt', () => {
  test('round-trips every u32 in the predicted number of bytes', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 0xffff_ffff }), (value) => {
        const out = new Uint8Array(6);
        const end = writeVint(value, out, 1);
        expect(end - 1).toBe(vintLength(value));
        expect(readVint(out, 1)).toEqual({ value, length: end - 1 });
      }),
      { numRuns: 1000 },
    );
  });

  test('writes LEB128', () => {
    const out = new Uint8Array(5);
    expect(writeVint(10_001, out, 0)).toBe(2);
    expect([...out.subarray(0, 2)]).toEqual([0x91, 0x4e]);
    expect(readVint(new Uint8Array([0x80]), 0)).toEqual({ error: 'the table number is truncated' });
    expect(readVint(new Uint8Array([0xff, 0xff, 0xff, 0xff, 0x10]), 0)).toEqual({
      error: 'the table number does not fit in 32 bits',
    });
  });
});
