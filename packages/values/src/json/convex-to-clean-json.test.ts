import { describe, expect, test } from 'vitest';
import { type ValuesError } from '../errors/values-error.ts';
import { commitTsPlaceholder } from '../value/commit-ts-placeholder.ts';
import type { Value } from '../value/value.ts';
import { convexToCleanJson } from './convex-to-clean-json.ts';

describe('convexToCleanJson', () => {
  test('writes Int64 as decimal strings, special floats as names and bytes as base64', () => {
    expect(
      convexToCleanJson({
        n: -(2n ** 63n),
        nan: NaN,
        inf: Infinity,
        ninf: -Infinity,
        x: 1.5,
        b: new Uint8Array([0, 16, 131]).buffer,
        list: [null, true, 'a'],
      }),
    ).toEqual({
      b: 'ABCD',
      inf: 'Infinity',
      list: [null, true, 'a'],
      n: '-9223372036854775808',
      nan: 'NaN',
      ninf: '-Infinity',
      x: 1.5,
    });
  });

  test('sorts keys and drops undefined fields', () => {
    expect(JSON.stringify(convexToCleanJson({ z: 1, a: undefined, m: { y: 2, b: 3 } }))).toBe(
      '{"m":{"b":3,"y":2},"z":1}',
    );
  });

  test('rejects what is not a Convex value, with the path', () => {
    const error = (() => {
      try {
        convexToCleanJson({ a: [commitTsPlaceholder] });
      } catch (caught) {
        return caught as ValuesError;
      }
      throw new Error('expected an error');
    })();
    expect(error.code).toBe('InvalidValue');
    expect(error.path).toBe('.a[0]');
    expect(() => convexToCleanJson(2n ** 64n)).toThrow('does not fit into a 64-bit signed integer');
    expect(() => convexToCleanJson([undefined] as unknown as Value)).toThrow(
      'undefined is not a valid Convex value (at path [0])',
    );
  });
});
