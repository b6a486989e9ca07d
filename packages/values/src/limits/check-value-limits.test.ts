import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { ValuesError } from '../errors/values-error.ts';
import { valueArbitrary } from '../test-support/arbitraries.ts';
import { officialSize } from '../test-support/official.ts';
import type { Value } from '../value/value.ts';
import { checkValueLimits } from './check-value-limits.ts';
import {
  DEFAULT_DOCUMENT_LIMITS,
  MAX_ARRAY_LENGTH,
  MAX_OBJECT_FIELDS,
  MAX_VALUE_SIZE,
} from './value-limits.ts';

function limitError(run: () => unknown): ValuesError {
  try {
    run();
  } catch (error) {
    if (error instanceof ValuesError) return error;
    throw error;
  }
  throw new Error('expected a ValuesError');
}

function nest(depth: number): Value {
  let value: Value = 1;
  for (let i = 0; i < depth; i++) value = { a: value };
  return value;
}

describe('checkValueLimits', () => {
  test('measures the size by the size formula and the nesting', () => {
    fc.assert(
      fc.property(valueArbitrary({ undefinedFields: true }), (value) => {
        expect(checkValueLimits(value).size).toBe(officialSize(value));
      }),
      { numRuns: 300 },
    );
    expect(checkValueLimits(5).nesting).toBe(0);
    expect(checkValueLimits({ a: 1 }).nesting).toBe(1);
    expect(checkValueLimits([[], { a: [1] }]).nesting).toBe(3);
  });

  test('enforces the array length limit', () => {
    expect(() => checkValueLimits(new Array<Value>(MAX_ARRAY_LENGTH).fill(null))).not.toThrow();
    const error = limitError(() =>
      checkValueLimits({ list: new Array<Value>(MAX_ARRAY_LENGTH + 1).fill(null) }),
    );
    expect(error.code).toBe('LimitExceeded');
    expect(error.path).toBe('.list');
    expect(error.message).toMatchInlineSnapshot(
      `"Array has 8193 elements, over the limit maxArrayLength = 8192 (at .list)"`,
    );
  });

  test('enforces the object field limit, not counting undefined fields', () => {
    const fields = (count: number): Value =>
      Object.fromEntries(Array.from({ length: count }, (_, i) => [`f${i}`, i]));
    expect(() => checkValueLimits(fields(MAX_OBJECT_FIELDS))).not.toThrow();
    expect(() =>
      checkValueLimits({ ...(fields(MAX_OBJECT_FIELDS) as object), extra: undefined }),
    ).not.toThrow();
    expect(limitError(() => checkValueLimits([fields(MAX_OBJECT_FIELDS + 1)])).message).toBe(
      'Object has 1025 fields, over the limit maxObjectFields = 1024 (at [0])',
    );
  });

  test('enforces the nesting limit', () => {
    expect(() => checkValueLimits(nest(64))).not.toThrow();
    const error = limitError(() => checkValueLimits(nest(65)));
    expect(error.message).toContain(
      'Value is nested 65 levels deep, over the limit maxNesting = 64',
    );
    expect(error.path).toBe('.a'.repeat(64));
  });

  test('enforces the size limit', () => {
    const big = 'x'.repeat(MAX_VALUE_SIZE - 2);
    expect(checkValueLimits(big).size).toBe(MAX_VALUE_SIZE);
    expect(limitError(() => checkValueLimits([big])).message).toBe(
      `Value is ${MAX_VALUE_SIZE + 2} bytes, over the limit maxSize = ${MAX_VALUE_SIZE} bytes`,
    );
  });

  test('lets callers use other defaults and override single limits', () => {
    expect(() => checkValueLimits(nest(17), { defaults: DEFAULT_DOCUMENT_LIMITS })).toThrow(
      'maxNesting = 16',
    );
    expect(() =>
      checkValueLimits(nest(17), { defaults: DEFAULT_DOCUMENT_LIMITS, limits: { maxNesting: 20 } }),
    ).not.toThrow();
    expect(() =>
      checkValueLimits([1, 2, 3], { limits: { maxArrayLength: 2 }, path: 'args' }),
    ).toThrow('Array has 3 elements, over the limit maxArrayLength = 2 (at args)');
    expect(() => checkValueLimits('abc', { limits: { maxSize: 4 } })).toThrow(
      'Value is 5 bytes, over the limit maxSize = 4 bytes',
    );
  });

  test('rejects what is not a Convex value', () => {
    expect(limitError(() => checkValueLimits(new Date() as unknown as Value)).code).toBe(
      'InvalidValue',
    );
  });
});
