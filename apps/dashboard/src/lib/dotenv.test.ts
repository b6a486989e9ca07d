import { describe, expect, test } from 'vitest';
import { parseDotenv } from './dotenv.ts';

describe('parseDotenv', () => {
  test('reads NAME=value lines with export, quotes and comments', () => {
    expect(parseDotenv('# comment\nA=1\nexport B="x y\\nz"\nC=\'single # kept\'\nD=plain # comment\n\nA=2')).toEqual({
      variables: [
        { name: 'A', value: '2' },
        { name: 'B', value: 'x y\nz' },
        { name: 'C', value: 'single # kept' },
        { name: 'D', value: 'plain' },
      ],
      problems: [],
    });
  });

  test('reports lines it cannot use', () => {
    expect(parseDotenv('just text\n1BAD=x').problems).toEqual([
      'Line 1: expected NAME=value',
      'Line 2: "1BAD" is not a valid variable name (letters, digits and _, not starting with a digit)',
    ]);
  });
});
