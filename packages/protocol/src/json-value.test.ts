import { describe, expect, test } from 'vitest';
import { isJsonObject, isJsonValue } from './json-value.ts';

describe('isJsonValue', () => {
  test('accepts what JSON.parse can return', () => {
    for (const value of [
      null,
      true,
      0,
      -1.5,
      '',
      'x',
      [],
      [1, [null]],
      {},
      { a: { b: ['c'] } },
      Object.create(null) as object,
    ]) {
      expect(isJsonValue(value), JSON.stringify(value)).toBe(true);
    }
  });

  test('rejects what JSON cannot carry', () => {
    for (const value of [
      undefined,
      Number.NaN,
      Infinity,
      1n,
      () => 1,
      Symbol('s'),
      new Date(0),
      new Map(),
      [undefined],
      { a: undefined },
      { a: [1n] },
    ]) {
      expect(isJsonValue(value), String(typeof value)).toBe(false);
    }
  });

  test('isJsonObject wants a plain object', () => {
    expect(isJsonObject({ a: 1 })).toBe(true);
    expect(isJsonObject([{}])).toBe(false);
    expect(isJsonObject(null)).toBe(false);
  });
});
