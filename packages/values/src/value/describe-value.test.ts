import { describe, expect, test } from 'vitest';
import { commitTsPlaceholder } from './commit-ts-placeholder.ts';
import { describeValue } from './describe-value.ts';
import { stringifyValueForError } from './stringify-value-for-error.ts';

describe('describeValue', () => {
  test('keeps what JSON would lose', () => {
    expect(
      describeValue({
        n: 5n,
        z: -0,
        x: NaN,
        i: -Infinity,
        b: new Uint8Array([1, 2]).buffer,
        u: undefined,
        p: commitTsPlaceholder,
      }),
    ).toBe(
      '{"n": 5n, "z": -0, "x": NaN, "i": -Infinity, "b": b"AQI=", "u": undefined, "p": db.vars.commitTs}',
    );
    expect(describeValue('x'.repeat(2000))).toHaveLength(1000);
  });
});

describe('stringifyValueForError', () => {
  test('writes bigints, undefined and functions like convex/values', () => {
    expect(stringifyValueForError({ n: 5n, u: undefined, f: () => 1 })).toBe(
      '{"n":"5n","u":"undefined","f":"[Function]"}',
    );
    expect(stringifyValueForError(undefined)).toBe('"undefined"');
    const long = stringifyValueForError('😀'.repeat(10_000));
    expect(long.endsWith('[...truncated]')).toBe(true);
    expect(long.length).toBeLessThanOrEqual(16_384);
  });
});
