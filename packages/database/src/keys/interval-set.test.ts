import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { IntervalIndex } from '../subscriptions/interval-index.ts';
import type { IndexKey } from './index-key.ts';
import { IntervalSet } from './interval-set.ts';

const key = fc
  .string({ unit: fc.constantFrom('\x00', '\x01', '\x10', 'a', 'b', '\xff'), maxLength: 4 })
  .map((s) => s as IndexKey);
const interval = fc
  .tuple(key, key)
  .map(([a, b]) => (a < b ? { start: a, end: b } : { start: b, end: a }));

describe('IntervalSet', () => {
  test('contains exactly the union of the added intervals, merged', () => {
    fc.assert(
      fc.property(
        fc.array(interval, { maxLength: 30 }),
        fc.array(key, { maxLength: 30 }),
        (intervals, probes) => {
          const set = new IntervalSet();
          for (const i of intervals) set.add(i);
          for (const k of [...probes, ...intervals.flatMap((i) => [i.start, i.end])]) {
            expect(set.contains(k)).toBe(intervals.some((i) => i.start <= k && k < i.end));
          }
          const merged = set.intervals();
          for (let i = 1; i < merged.length; i++)
            expect(merged[i - 1]!.end < merged[i]!.start).toBe(true);
          expect(set.size).toBe(merged.length);
        },
      ),
    );
  });
});

describe('IntervalIndex', () => {
  test('stabbing finds exactly the owners whose intervals contain the key', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.nat(20), interval), { maxLength: 200 }),
        fc.array(fc.nat(20)),
        fc.array(key, { maxLength: 20 }),
        (entries, removed, probes) => {
          const index = new IntervalIndex<number>();
          for (const [owner, i] of entries) index.add(owner, i);
          for (const owner of removed) index.remove(owner);
          for (const k of probes) {
            const hits = new Set<number>();
            index.stab(k, (owner) => hits.add(owner));
            const expected = new Set(
              entries
                .filter(([owner, i]) => !removed.includes(owner) && i.start <= k && k < i.end)
                .map(([owner]) => owner),
            );
            expect(hits).toEqual(expected);
          }
        },
      ),
    );
  });
});
