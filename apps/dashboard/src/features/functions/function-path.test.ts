import { describe, expect, test } from 'vitest';
import { functionPath } from './function-path.ts';

describe('functionPath', () => {
  test('module path and export name become the path clients call', () => {
    expect(functionPath('messages.js', 'send')).toBe('messages:send');
    expect(functionPath('dir/mod.js', 'default')).toBe('dir/mod');
  });
});
