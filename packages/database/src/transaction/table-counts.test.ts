import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { TableCounts } from './table-counts.ts';

describe('TableCounts', () => {
  test('every version equals the plain sum of its deltas, across flattening', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.tuple(fc.nat(4), fc.integer({ min: -3, max: 3 })), { maxLength: 3 }), {
          maxLength: 200,
        }),
        (commits) => {
          const plain = new Map<number, number>([[0, 5]]);
          let counts = TableCounts.of(plain);
          const versions: [TableCounts, Map<number, number>][] = [[counts, new Map(plain)]];
          for (const commit of commits) {
            const delta = new Map<number, number>();
            for (const [t, d] of commit) delta.set(t, (delta.get(t) ?? 0) + d);
            for (const [t, d] of delta) plain.set(t, (plain.get(t) ?? 0) + d);
            counts = counts.with(delta);
            versions.push([counts, new Map(plain)]);
          }
          for (const [version, expected] of versions)
            for (let t = 0; t < 5; t++) expect(version.get(t)).toBe(expected.get(t) ?? 0);
        },
      ),
    );
  });
});
