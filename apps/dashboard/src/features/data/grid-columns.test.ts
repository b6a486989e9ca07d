import { describe, expect, test } from 'vitest';
import type { Document } from '../../lib/system-functions.ts';
import { gridColumns } from './grid-columns.ts';

describe('gridColumns', () => {
  test('_id first, schema fields, other fields as seen, _creationTime last', () => {
    const documents = [
      { _id: 'a', _creationTime: 1, body: 'x', extra: 1 },
      { _id: 'b', _creationTime: 2, other: true },
    ] as unknown as Document[];
    expect(gridColumns(documents, ['author', 'body'])).toEqual(['_id', 'author', 'body', 'extra', 'other', '_creationTime']);
  });
});
