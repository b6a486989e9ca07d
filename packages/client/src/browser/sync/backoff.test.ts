import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { classifyDisconnectReason, computeBackoff, MAX_BACKOFF } from './backoff.ts';

describe('computeBackoff', () => {
  test('doubles from the base of the close reason and caps at 16 s', () => {
    const mid = (reason: Parameters<typeof computeBackoff>[0]['reason'], retries: number) =>
      computeBackoff({ reason, retries, random: 0.5 });
    expect([0, 1, 2, 3].map((r) => mid('client', r))).toEqual([100, 200, 400, 800]);
    expect([0, 1, 4, 5, 20].map((r) => mid('Unknown', r))).toEqual([
      1000, 2000, 16000, 16000, 16000,
    ]);
    expect(mid(classifyDisconnectReason('TooManyConcurrentRequests: slow down'), 0)).toBe(3000);
    expect(mid(classifyDisconnectReason('InternalServerError'), 1)).toBe(2000);
    expect(mid(classifyDisconnectReason('SearchIndexesUnavailable'), 0)).toBe(1000);
  });

  test('stays within ±50 % of the capped delay', () => {
    fc.assert(
      fc.property(
        fc.nat(40),
        fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
        (retries, random) => {
          const capped = Math.min(1000 * 2 ** retries, MAX_BACKOFF);
          const delay = computeBackoff({ reason: 'Unknown', retries, random });
          // ≤ at the top: capped × (1 + (0.5 − ε)) may round up to capped × 1.5.
          return delay >= capped * 0.5 && delay <= capped * 1.5;
        },
      ),
    );
  });

  test('classifies unknown and missing reasons as Unknown', () => {
    expect(classifyDisconnectReason(undefined)).toBe('Unknown');
    expect(classifyDisconnectReason('')).toBe('Unknown');
    expect(classifyDisconnectReason('Xyz')).toBe('Unknown');
  });
});
