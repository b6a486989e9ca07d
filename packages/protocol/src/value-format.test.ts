import { describe, expect, test } from 'vitest';
import { defaultValueFormat, parseValueFormat, resolveValueFormat } from './value-format.ts';

describe('parseValueFormat', () => {
  test('resolves names and legacy aliases', () => {
    expect(
      ['convex_encoded_json', 'convex_json', 'json', 'convex_clean_json', 'export_json'].map(
        parseValueFormat,
      ),
    ).toEqual(['convex_encoded_json', 'convex_encoded_json', 'json', 'json', 'export_json']);
  });

  test('rejects anything else with BadFormat', () => {
    expect(() => parseValueFormat('xml')).toThrow(expect.objectContaining({ code: 'BadFormat' }));
    expect(() => parseValueFormat('toString')).toThrowErrorMatchingInlineSnapshot(
      `[ProtocolError: format param must be one of [\`json\`, \`convex_encoded_json\`]. Got toString]`,
    );
  });
});

describe('defaultValueFormat', () => {
  test('is clean json for current and unknown clients, encoded for old npm and python', () => {
    const cases: [string, string, string][] = [
      ['npm', '1.4.1', 'json'],
      ['npm', '1.45.0', 'json'],
      ['npm-cli', '1.4.1', 'json'],
      ['actions', '1.4.1', 'json'],
      ['python-convex', '0.5.0', 'json'],
      ['asdf', '0.0.0', 'json'],
      ['npm', '1.3.0', 'convex_encoded_json'],
      ['npm', '0.19.0', 'convex_encoded_json'],
      ['npm-cli', '1.3.0', 'convex_encoded_json'],
      ['actions', '1.3.0', 'convex_encoded_json'],
      ['python-convex', '0.4.0', 'convex_encoded_json'],
    ];
    for (const [client, version, format] of cases)
      expect(defaultValueFormat({ client, version }), `${client}-${version}`).toBe(format);
    expect(defaultValueFormat(undefined)).toBe('json');
  });

  test('an explicit format wins', () => {
    expect(resolveValueFormat('json', { client: 'npm', version: '1.0.0' })).toBe('json');
    expect(resolveValueFormat(undefined, { client: 'npm', version: '1.0.0' })).toBe(
      'convex_encoded_json',
    );
  });
});
