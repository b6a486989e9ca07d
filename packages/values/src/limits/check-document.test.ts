import { describe, expect, test } from 'vitest';
import type { Value } from '../value/value.ts';
import { checkDocument } from './check-document.ts';
import { MAX_DOCUMENT_SIZE } from './value-limits.ts';

describe('checkDocument', () => {
  test('accepts a document with system fields and returns its size', () => {
    expect(checkDocument({ _id: 'x', _creationTime: 1, name: 'a' }).size).toBe(
      2 + 4 + 3 + 14 + 9 + 5 + 3,
    );
  });

  test('rejects non-objects, reserved top-level fields and oversized documents', () => {
    expect(() => checkDocument([1])).toThrow('A document must be an object.');
    expect(() => checkDocument({ _rank: 1 })).toThrow(
      "starts with '_', which is reserved for system fields",
    );
    expect(() => checkDocument({ nested: { _ok: 1 } })).not.toThrow();
    expect(() => checkDocument({ body: 'x'.repeat(MAX_DOCUMENT_SIZE) })).toThrow(
      `over the limit maxSize = ${MAX_DOCUMENT_SIZE} bytes`,
    );
    let deep: Value = 1;
    for (let i = 0; i < 17; i++) deep = { a: deep };
    expect(() => checkDocument(deep)).toThrow(
      'Value is nested 17 levels deep, over the limit maxNesting = 16',
    );
    expect(() => checkDocument(deep, { maxNesting: 17 })).not.toThrow();
  });
});
