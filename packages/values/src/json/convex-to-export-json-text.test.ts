import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { int64Arbitrary, valueArbitrary } from '../test-support/arbitraries.ts';
import type { Value } from '../value/value.ts';
import { convexToExportJsonText } from './convex-to-export-json-text.ts';
import { convexToJson } from './convex-to-json.ts';

describe('convexToExportJsonText', () => {
  test('writes Int64 as exact JSON integers', () => {
    fc.assert(
      fc.property(int64Arbitrary, (n) => {
        expect(convexToExportJsonText(n)).toBe(n.toString());
      }),
    );
    expect(convexToExportJsonText({ big: 2n ** 62n })).toBe('{"big":4611686018427387904}');
  });

  test('keeps floats apart from integers and special floats and bytes as in Convex-JSON', () => {
    expect(
      convexToExportJsonText([5, 1.5, 1e21, -0, NaN, new Uint8Array([1]).buffer, 'x', true, null]),
    ).toBe(
      '[5.0,1.5,1e+21,{"$float":"AAAAAAAAAIA="},{"$float":"AAAAAAAA+H8="},{"$bytes":"AQ=="},"x",true,null]',
    );
  });

  test('is valid JSON that equals the Convex-JSON form except for integers', () => {
    const withoutInt64 = valueArbitrary().filter(
      (value) => !JSON.stringify(convexToJson(value)).includes('$integer'),
    );
    fc.assert(
      fc.property(withoutInt64, (value) => {
        expect(JSON.parse(convexToExportJsonText(value))).toEqual(
          JSON.parse(JSON.stringify(convexToJson(value))),
        );
      }),
      { numRuns: 300 },
    );
  });

  test('reports the path of a bad value', () => {
    expect(() => convexToExportJsonText({ a: { b: [undefined] } } as unknown as Value)).toThrow(
      '(at path .a.b[0])',
    );
  });
});
