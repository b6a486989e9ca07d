import type { ValidatorJSON } from '@selfhost/client/values';
import { describe, expect, test } from 'vitest';
import { validatorProblems } from './validator-errors.ts';

const message: ValidatorJSON = {
  type: 'object',
  value: {
    author: { fieldType: { type: 'id', tableName: 'users' }, optional: false },
    body: { fieldType: { type: 'string' }, optional: false },
    likes: { fieldType: { type: 'bigint' }, optional: true },
    tags: { fieldType: { type: 'array', value: { type: 'union', value: [{ type: 'literal', value: 'a' }, { type: 'literal', value: 'b' }] } }, optional: true },
  },
};

describe('validatorProblems', () => {
  test('a matching document has no problems (system fields are allowed)', () => {
    expect(validatorProblems(message, { _id: 'x', _creationTime: 1, author: 'u1', body: 'hi', likes: 2n, tags: ['a', 'b'] })).toEqual([]);
  });

  test('lists missing, unexpected and mistyped fields with their paths', () => {
    expect(validatorProblems(message, { body: 42, likes: 2, tags: ['a', 'c'], extra: true })).toEqual([
      { path: 'author', message: 'Missing required field "author"' },
      { path: 'body', message: 'Expected a string, got number 42' },
      { path: 'likes', message: 'Expected a bigint (int64, written like 12n), got number 2' },
      { path: 'tags[1]', message: 'Matches none of the 2 allowed types (got string "c")' },
      { path: 'extra', message: 'Unexpected field "extra"' },
    ]);
  });

  test('records, any and nested objects', () => {
    const record: ValidatorJSON = { type: 'record', keys: { type: 'string' }, values: { fieldType: { type: 'number' }, optional: false } };
    expect(validatorProblems(record, { a: 1, b: 'x' })).toEqual([{ path: 'b', message: 'Expected a number (float64), got string "x"' }]);
    expect(validatorProblems({ type: 'any' }, [1, 'x'])).toEqual([]);
    expect(validatorProblems({ type: 'null' }, 0)).toEqual([{ path: '', message: 'Expected null, got number 0' }]);
  });
});
