import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { parseFunctionName } from './parse-function-name.ts';

describe('parseFunctionName', () => {
  test('the forms the official CLI accepts', () => {
    const cwd = mkdtempSync(path.join(tmpdir(), 'selfhost-names-'));
    try {
      mkdirSync(path.join(cwd, 'convex', 'convex'), { recursive: true });
      writeFileSync(path.join(cwd, 'convex', 'convex', 'nested.ts'), 'export {}');
      expect(parseFunctionName('messages:list', cwd, 'convex/')).toBe('messages:list');
      expect(parseFunctionName('messages', cwd, 'convex/')).toBe('messages:default');
      expect(parseFunctionName('dir/users:get', cwd, 'convex/')).toBe('dir/users:get');
      expect(parseFunctionName('api.dir.users.get', cwd, 'convex/')).toBe('dir/users:get');
      expect(parseFunctionName('internal.messages.bump', cwd, 'convex/')).toBe('messages:bump');
      expect(parseFunctionName('convex/messages.ts:list', cwd, 'convex/')).toBe('messages:list');
      expect(parseFunctionName('convex/nested:x', cwd, 'convex/')).toBe('convex/nested:x');
      expect(() => parseFunctionName('api.list', cwd, 'convex/')).toThrow(/too few parts/);
    } finally {
      rmSync(cwd, { recursive: true, force: true });
    }
  });
});
