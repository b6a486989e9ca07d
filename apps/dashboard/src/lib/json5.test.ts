import { describe, expect, test } from 'vitest';
import { formatValue } from './format-value.ts';
import { Json5Error, parseJson5 } from './json5.ts';

describe('parseJson5', () => {
  test('reads JSON5: comments, unquoted keys, single quotes, trailing commas, hex, Infinity', () => {
    const text = `// a document
      { name: 'ada', "quoted key": "x", nested: { list: [1, 2, ], }, hex: 0x10, big: -12n, inf: -Infinity, /* c */ flag: true, none: null, }`;
    expect(parseJson5(text)).toEqual({
      name: 'ada',
      'quoted key': 'x',
      nested: { list: [1, 2] },
      hex: 16,
      big: -12n,
      inf: -Infinity,
      flag: true,
      none: null,
    });
  });

  test('numbers are float64 and only the n suffix makes an int64', () => {
    expect(parseJson5('5')).toBe(5);
    expect(parseJson5('5n')).toBe(5n);
    expect(Number.isNaN(parseJson5('NaN'))).toBe(true);
    expect(() => parseJson5('1.5n')).toThrow('must be an integer');
  });

  test('reads escapes and bytes', () => {
    expect(parseJson5(String.raw`"a\n\u0041\x42"`)).toBe('a\nAB');
    const bytes = parseJson5('{ "$bytes": "AAEC" }');
    expect(bytes).toBeInstanceOf(ArrayBuffer);
    expect([...new Uint8Array(bytes as ArrayBuffer)]).toEqual([0, 1, 2]);
  });

  test('errors say where parsing stopped', () => {
    expect(() => parseJson5('{\n  a: 1\n  b: 2 }')).toThrow(new Json5Error('Expected "," or "}"', { line: 3, column: 3 }));
    expect(() => parseJson5('{ a: undefined }')).toThrow('Unexpected word "undefined"');
    expect(() => parseJson5('[1] 2')).toThrow('Unexpected text after the value');
    expect(() => parseJson5('"open')).toThrow('Unterminated string');
  });

  test('formatValue writes what parseJson5 reads back', () => {
    const value = { n: 1n, f: -0, s: 'it\'s "x"', a: [null, true, { deep: 2.5 }], b: new Uint8Array([255, 0]).buffer, 'odd key': Infinity };
    for (const indent of [undefined, 2]) {
      const again = parseJson5(formatValue(value, indent)) as typeof value;
      expect(again).toMatchObject({ n: 1n, s: 'it\'s "x"', a: [null, true, { deep: 2.5 }], 'odd key': Infinity });
      expect(Object.is(again.f, -0)).toBe(true);
      expect([...new Uint8Array(again.b)]).toEqual([255, 0]);
    }
  });
});
