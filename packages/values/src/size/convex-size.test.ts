import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { valueArbitrary } from '../test-support/arbitraries.ts';
import { officialDocumentSize, officialSize } from '../test-support/official.ts';
import { commitTsPlaceholder } from '../value/commit-ts-placeholder.ts';
import type { Value } from '../value/value.ts';
import { getConvexSize } from './convex-size.ts';
import { getDocumentSize } from './document-size.ts';

/** The size formula written as plainly as possible, over the Convex-JSON form. */
function naiveSize(value: Value | undefined): number {
  if (value === undefined) return 0;
  if (value === null || typeof value === 'boolean') return 1;
  if (typeof value === 'number' || typeof value === 'bigint') return 9;
  if (typeof value === 'string') return 2 + new TextEncoder().encode(value).length;
  if (value instanceof ArrayBuffer) return 2 + value.byteLength;
  if (Array.isArray(value))
    return value.reduce<number>((sum, element) => sum + naiveSize(element), 2);
  return Object.entries(value as Record<string, Value | undefined>)
    .filter(([, field]) => field !== undefined)
    .reduce(
      (sum, [key, field]) => sum + new TextEncoder().encode(key).length + 1 + naiveSize(field),
      2,
    );
}

describe('getConvexSize', () => {
  test('equals convex/values getConvexSize and a naive reference for every value', () => {
    fc.assert(
      fc.property(valueArbitrary({ undefinedFields: true }), (value) => {
        const size = getConvexSize(value);
        expect(size).toBe(officialSize(value));
        expect(size).toBe(naiveSize(value));
      }),
      { numRuns: 1000 },
    );
  });

  test('follows the formula on examples', () => {
    expect(getConvexSize(undefined)).toBe(0);
    expect(getConvexSize(null)).toBe(1);
    expect(getConvexSize(commitTsPlaceholder)).toBe(9);
    expect(getConvexSize('é😀')).toBe(8);
    expect(getConvexSize('x'.repeat(600) + '😀')).toBe(606);
    expect(getConvexSize({ a: 'hi', b: undefined })).toBe(8);
  });

  test('rejects what is not a Convex value', () => {
    expect(() => getConvexSize(new Map() as unknown as Value)).toThrow(
      'Unsupported value type: Map is not a Convex value',
    );
  });
});

describe('getDocumentSize', () => {
  test('adds the system fields a document lacks, like convex/values', () => {
    for (const doc of [
      { a: 1 },
      { _id: 'j57abc', a: 1 },
      { _creationTime: 5, a: 1 },
      { _id: 'x', _creationTime: 1 },
    ]) {
      expect(getDocumentSize(doc)).toBe(officialDocumentSize(doc));
      expect(getDocumentSize(doc, { customIdLength: 31 })).toBe(
        officialDocumentSize(doc, { customIdLength: 31 }),
      );
    }
    expect(getDocumentSize({ a: 1 })).toBe(13 + 38 + 23);
  });
});
