import { describe, expect, test } from 'vitest';
import { formatValuePath } from './value-path.ts';

describe('formatValuePath', () => {
  test('writes plain names with dots, others quoted, indexes in brackets', () => {
    expect(formatValuePath(['messages', 3, '$integer'], 'args[0]')).toBe(
      'args[0].messages[3].$integer',
    );
    expect(formatValuePath(['a b', '', '0', 'x'])).toBe('["a b"][""]["0"].x');
    expect(formatValuePath([])).toBe('');
  });
});
