import { describe, expect, test } from 'vitest';
import { ValuesError } from '../errors/values-error.ts';
import { checkFieldName, fieldNameProblem, isValidFieldName } from './field-name.ts';

describe('fieldNameProblem', () => {
  test('accepts non-control ASCII names up to 1024 characters, the empty name included', () => {
    for (const name of ['', 'a', 'a b', '_id', '_private', '~!@#%^&*()', 'x'.repeat(1024), 'a$']) {
      expect(fieldNameProblem(name)).toBeUndefined();
      expect(isValidFieldName(name)).toBe(true);
    }
  });

  test('names the broken rule', () => {
    expect(fieldNameProblem('$a')).toBe("starts with '$', which is reserved");
    expect(fieldNameProblem('x'.repeat(1025))).toBe(
      'is 1025 characters long, over the maximum of 1024',
    );
    expect(fieldNameProblem('a\nb')).toContain('has the invalid character "\\n" at index 1');
    expect(fieldNameProblem('\u007f')).toContain('at index 0');
    expect(fieldNameProblem('ü')).toContain('non-control ASCII');
  });
});

describe('checkFieldName', () => {
  test('throws an InvalidFieldName error naming the field and the rule', () => {
    let error: unknown;
    try {
      checkFieldName('$type', '.value');
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ValuesError);
    expect((error as ValuesError).code).toBe('InvalidFieldName');
    expect((error as ValuesError).path).toBe('.value');
    expect((error as ValuesError).message).toMatchInlineSnapshot(
      `"Field name "$type" at .value starts with '$', which is reserved."`,
    );
    expect(() => checkFieldName('ok')).not.toThrow();
  });
});
