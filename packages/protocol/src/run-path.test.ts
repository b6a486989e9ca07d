import { describe, expect, test } from 'vitest';
import { isProtocolError } from './protocol-error.ts';
import { udfPathFromRunPath } from './run-path.ts';

describe('udfPathFromRunPath', () => {
  test('maps segments to module path and function', () => {
    expect(udfPathFromRunPath('messages/list')).toBe('messages:list');
    expect(udfPathFromRunPath('/api/run/a/b/fn')).toBe('a/b:fn');
    expect(udfPathFromRunPath('dir%2Fsub/fn')).toBe('dir/sub:fn');
    expect(udfPathFromRunPath('_system/cli/tables/default')).toBe('_system/cli/tables:default');
  });

  test('needs at least two segments: MissingIdentifier', () => {
    for (const path of ['list', '/api/run/list', '', 'bad%E0%A4%A/fn']) {
      let caught: unknown;
      try {
        udfPathFromRunPath(path);
      } catch (error) {
        caught = error;
      }
      expect(isProtocolError(caught, 'MissingIdentifier'), path).toBe(true);
    }
    expect(() => udfPathFromRunPath('list')).toThrowErrorMatchingInlineSnapshot(
      `[ProtocolError: Path or function name not provided in path, e.g. /api/run/messages/list]`,
    );
  });

  test('rejects decoded paths that are not function paths', () => {
    expect(() => udfPathFromRunPath('mod/1fn')).toThrow(
      expect.objectContaining({ code: 'BadConvexFunctionIdentifier' }),
    );
  });
});
