import { describe, expect, test } from 'vitest';
import { fletcher16 } from './fletcher16.ts';

describe('fletcher16', () => {
  test('computes the mod-256 Fletcher checksum', () => {
    expect(fletcher16(new Uint8Array([]), 0)).toBe(0);
    expect(fletcher16(new Uint8Array([1, 2]), 2)).toBe((4 << 8) | 3);
    expect(fletcher16(new Uint8Array([255, 255, 9]), 2)).toBe((253 << 8) | 254);
    // The classic example, with modulus 256 instead of 255.
    const abcde = new TextEncoder().encode('abcde');
    let sum1 = 0;
    let sum2 = 0;
    for (const byte of abcde) {
      sum1 = (sum1 + byte) % 256;
      sum2 = (sum2 + sum1) % 256;
    }
    expect(fletcher16(abcde, 5)).toBe((sum2 << 8) | sum1);
  });
});
