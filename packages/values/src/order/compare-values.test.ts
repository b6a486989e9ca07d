import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { convexToJson } from '../json/convex-to-json.ts';
import { jsonToConvex } from '../json/json-to-convex.ts';
import { valuePairArbitrary } from '../test-support/arbitraries.ts';
import { officialCompare } from '../test-support/official.ts';
import { commitTsPlaceholder } from '../value/commit-ts-placeholder.ts';
import { MAX_INT64 } from '../value/int64.ts';
import type { Value } from '../value/value.ts';
import { compareValues } from './compare-values.ts';

/**
 * Makes every NaN the canonical NaN. convex/values builds arrays around the numbers it compares,
 * and V8 may canonicalize NaNs stored in arrays, so its results for NaN payloads (and negative
 * NaNs) depend on the JIT; the payload order is tested separately below.
 */
function canonicalNaNs(value: Value | undefined): Value | undefined {
  if (typeof value === 'number') return Number.isNaN(value) ? NaN : value;
  if (Array.isArray(value)) return value.map(canonicalNaNs) as Value[];
  if (typeof value === 'object' && value !== null && !(value instanceof ArrayBuffer)) {
    const out: Record<string, Value | undefined> = {};
    for (const key of Object.keys(value)) {
      Object.defineProperty(out, key, {
        value: canonicalNaNs((value as Record<string, Value>)[key]),
        enumerable: true,
      });
    }
    return out;
  }
  return value;
}

function nanWithBits(high: number, low: number): number {
  const view = new DataView(new ArrayBuffer(8));
  view.setUint32(0, high);
  view.setUint32(4, low);
  return view.getFloat64(0);
}

describe('compareValues', () => {
  test('agrees in sign with convex/values on random pairs', () => {
    fc.assert(
      fc.property(valuePairArbitrary({ undefinedFields: true }), ([rawA, rawB]) => {
        const a = canonicalNaNs(rawA);
        const b = canonicalNaNs(rawB);
        expect(compareValues(a, b)).toBe(Math.sign(officialCompare(a, b)));
        expect(compareValues(b, a) + compareValues(a, b)).toBe(0);
      }),
      { numRuns: 2000 },
    );
  });

  test('is zero exactly for the same value', () => {
    fc.assert(
      fc.property(valuePairArbitrary(), ([a]) => {
        expect(compareValues(a, a)).toBe(0);
        // A copy through Convex-JSON keeps NaN payloads (structuredClone may not).
        expect(compareValues(a, jsonToConvex(convexToJson(a)))).toBe(0);
      }),
    );
  });

  test('orders types: undefined < null < Int64 < Float64 < Boolean < String < Bytes < Array < Object', () => {
    const ordered: (Value | undefined)[] = [
      undefined,
      null,
      MAX_INT64,
      -Infinity,
      false,
      '',
      new ArrayBuffer(0),
      [],
      {},
    ];
    for (let i = 0; i + 1 < ordered.length; i++)
      expect(compareValues(ordered[i], ordered[i + 1])).toBe(-1);
    expect(compareValues(1n, 1)).toBe(-1);
    expect(compareValues(2n ** 62n, -Infinity)).toBe(-1);
  });

  test('orders floats by the IEEE total order', () => {
    const negativeNaN = nanWithBits(0xfff8_0000, 0);
    const ordered = [
      negativeNaN,
      -Infinity,
      -1,
      -Number.MIN_VALUE,
      -0,
      0,
      Number.MIN_VALUE,
      1,
      Infinity,
      NaN,
    ];
    for (let i = 0; i + 1 < ordered.length; i++)
      expect(compareValues(ordered[i], ordered[i + 1])).toBe(-1);
    expect(compareValues(nanWithBits(0x7ff8_0000, 1), nanWithBits(0x7ff8_0000, 2))).toBe(-1);
    expect(compareValues(NaN, NaN)).toBe(0);
  });

  test('orders two negative NaNs by the total order, unlike convex/values', () => {
    // In the total order (Rust f64::total_cmp, the reference backend's index order), a negative NaN
    // with a bigger payload is smaller. convex/values compares the bits as signed integers, which
    // orders these two the other way round; we follow the backend.
    const small = nanWithBits(0xfff8_0000, 1);
    const big = nanWithBits(0xfff8_0000, 0);
    expect(compareValues(small, big)).toBe(-1);
    expect(Math.sign(officialCompare(small, big))).toBe(1);
  });

  test('orders strings by UTF-8 bytes, not UTF-16 code units', () => {
    expect(compareValues('\uffff', '😀')).toBe(-1);
    expect(Math.sign(officialCompare('\uffff', '😀'))).toBe(-1);
    expect(compareValues('a', 'ab')).toBe(-1);
  });

  test('orders objects by sorted (field, value) pairs, then by field count', () => {
    expect(compareValues({ a: 1 }, { b: 0 })).toBe(-1);
    expect(compareValues({ a: 1 }, { a: 2 })).toBe(-1);
    expect(compareValues({}, { '': null })).toBe(-1);
    expect(compareValues({ a: 1 }, { a: 1, b: 1 })).toBe(-1);
    expect(compareValues({ a: undefined }, {})).toBe(1);
  });

  test('sorts the commit-timestamp placeholder as the largest Int64', () => {
    expect(compareValues(commitTsPlaceholder, MAX_INT64)).toBe(0);
    expect(compareValues(commitTsPlaceholder, 0)).toBe(-1);
    expect(compareValues(MAX_INT64 - 1n, commitTsPlaceholder)).toBe(-1);
  });
});
