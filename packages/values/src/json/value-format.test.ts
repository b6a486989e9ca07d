import { describe, expect, test } from 'vitest';
import { ValuesError } from '../errors/values-error.ts';
import { parseValueFormat, stringifyValue } from './value-format.ts';

describe('parseValueFormat', () => {
  test('knows every format name and alias', () => {
    expect(parseValueFormat('convex_encoded_json')).toBe('encoded');
    expect(parseValueFormat('convex_json')).toBe('encoded');
    expect(parseValueFormat('json')).toBe('clean');
    expect(parseValueFormat('convex_clean_json')).toBe('clean');
    expect(parseValueFormat('export_json')).toBe('export');
  });

  test('rejects unknown names with a BadFormat error', () => {
    let error: unknown;
    try {
      parseValueFormat('toString');
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ValuesError);
    expect((error as ValuesError).code).toBe('BadFormat');
    expect((error as ValuesError).message).toMatchInlineSnapshot(
      `"format param must be one of \`convex_encoded_json\`, \`convex_json\`, \`json\`, \`convex_clean_json\`, \`export_json\`. Got "toString""`,
    );
  });
});

describe('stringifyValue', () => {
  test('writes the three formats', () => {
    const value = { n: 5n, x: NaN };
    expect(stringifyValue(value, 'encoded')).toBe(
      '{"n":{"$integer":"BQAAAAAAAAA="},"x":{"$float":"AAAAAAAA+H8="}}',
    );
    expect(stringifyValue(value, 'clean')).toBe('{"n":"5","x":"NaN"}');
    expect(stringifyValue(value, 'export')).toBe('{"n":5,"x":{"$float":"AAAAAAAA+H8="}}');
  });
});
