import { describe, expect, test } from 'vitest';
import { type ValuesError } from '../errors/values-error.ts';
import {
  checkIdentifier,
  checkUserIndexName,
  checkUserTableName,
  identifierProblem,
  isValidIdentifier,
} from './identifier.ts';

describe('identifierProblem', () => {
  test('accepts ^[A-Za-z_][A-Za-z0-9_]*$ up to 64 characters, not all underscores', () => {
    for (const name of ['a', 'messages', '_storage', 'by_author_2', 'A', 'x'.repeat(64), '_a']) {
      expect(identifierProblem(name)).toBeUndefined();
      expect(isValidIdentifier(name)).toBe(true);
    }
  });

  test('names the broken rule', () => {
    expect(identifierProblem('')).toBe('must not be empty');
    expect(identifierProblem('9lives')).toBe('must start with a letter or \'_\', not "9"');
    expect(identifierProblem('my-table')).toBe(
      'has the invalid character "-" at index 2: only letters, digits and \'_\' are allowed',
    );
    expect(identifierProblem('x'.repeat(65))).toBe('is 65 characters long, over the maximum of 64');
    expect(identifierProblem('___')).toBe('must not consist only of underscores');
    expect(identifierProblem('é')).toContain('must start with a letter');
  });
});

describe('checkIdentifier', () => {
  test('throws InvalidIdentifier naming what the name is for', () => {
    let error: unknown;
    try {
      checkIdentifier('my table', 'table name');
    } catch (caught) {
      error = caught;
    }
    expect((error as ValuesError).code).toBe('InvalidIdentifier');
    expect((error as ValuesError).message).toMatchInlineSnapshot(
      `"Invalid table name "my table": has the invalid character " " at index 2: only letters, digits and '_' are allowed."`,
    );
  });

  test('user table names may not start with _', () => {
    expect(() => checkUserTableName('messages')).not.toThrow();
    expect(() => checkUserTableName('_storage')).toThrow(
      "starts with '_', which is reserved for system tables",
    );
    expect(() => checkUserTableName('a-b')).toThrow('Invalid table name');
  });

  test('user index names may not start with _ nor be a built-in index name', () => {
    expect(() => checkUserIndexName('by_author')).not.toThrow();
    expect(() => checkUserIndexName('_by_x')).toThrow("starts with '_'");
    expect(() => checkUserIndexName('by_id')).toThrow('is the name of a built-in index');
    expect(() => checkUserIndexName('by_creation_time')).toThrow('built-in index');
  });
});
