import { describe, expect, test } from 'vitest';
import { VALUES_ERROR_HTTP_STATUS } from './values-error-codes.ts';
import { isValuesError, ValuesError } from './values-error.ts';
import { valuesErrorFromUnknown } from './values-error-from-unknown.ts';

describe('ValuesError', () => {
  test('carries code, path, message and cause', () => {
    const cause = new Error('inner');
    const error = new ValuesError('InvalidJson', 'bad', { path: '.a', cause });
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('ValuesError');
    expect([error.code, error.path, error.message, error.cause]).toEqual([
      'InvalidJson',
      '.a',
      'bad',
      cause,
    ]);
    expect(new ValuesError('BadFormat', 'x').path).toBeUndefined();
    expect(isValuesError(error)).toBe(true);
    expect(isValuesError(error, 'InvalidJson')).toBe(true);
    expect(isValuesError(error, 'InvalidId')).toBe(false);
    expect(isValuesError(new Error('x'))).toBe(false);
  });

  test('maps every code to an HTTP status', () => {
    expect(VALUES_ERROR_HTTP_STATUS.BadFormat).toBe(400);
    expect(VALUES_ERROR_HTTP_STATUS.InvalidSortKey).toBe(500);
    expect(Object.isFrozen(VALUES_ERROR_HTTP_STATUS)).toBe(true);
  });
});

describe('valuesErrorFromUnknown', () => {
  test('keeps ValuesErrors and wraps anything else with its cause', () => {
    const original = new ValuesError('InvalidId', 'x');
    expect(valuesErrorFromUnknown(original, 'InvalidJson')).toBe(original);
    const syntax = new SyntaxError('Unexpected token');
    const wrapped = valuesErrorFromUnknown(syntax, 'InvalidJson');
    expect([wrapped.code, wrapped.message, wrapped.cause]).toEqual([
      'InvalidJson',
      'Unexpected token',
      syntax,
    ]);
    expect(valuesErrorFromUnknown('oops', 'InvalidValue').message).toBe('oops');
  });
});
