import { describe, expect, test } from 'vitest';
import { isProtocolError } from './protocol-error.ts';
import { canonicalizeUdfPath, parseUdfPath } from './udf-path.ts';

function messageOf(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    expect(isProtocolError(error, 'BadConvexFunctionIdentifier')).toBe(true);
    return (error as Error).message;
  }
  throw new Error('expected a throw');
}

describe('canonicalizeUdfPath', () => {
  test('adds :default, strips .js, splits at the last colon', () => {
    expect(canonicalizeUdfPath('messages')).toBe('messages:default');
    expect(canonicalizeUdfPath('messages.js')).toBe('messages:default');
    expect(canonicalizeUdfPath('dir/mod.js:send')).toBe('dir/mod:send');
    expect(canonicalizeUdfPath('dir/mod:send')).toBe('dir/mod:send');
    expect(canonicalizeUdfPath('a:b:c')).toBe('a:b:c');
  });
});

describe('parseUdfPath', () => {
  test('canonicalizes module and function, with and without .js', () => {
    expect(parseUdfPath('messages')).toEqual({
      canonical: 'messages:default',
      modulePath: 'messages.js',
      functionName: 'default',
      isSystem: false,
    });
    expect(parseUdfPath('dir/mod.js:send')).toEqual({
      canonical: 'dir/mod:send',
      modulePath: 'dir/mod.js',
      functionName: 'send',
      isSystem: false,
    });
    expect(parseUdfPath('auth.config.js').modulePath).toBe('auth.config.js');
    expect(parseUdfPath('_deps/abc_12.js:x').canonical).toBe('_deps/abc_12:x');
  });

  test('recognises _system/ functions', () => {
    expect(parseUdfPath('_system/cli/queryEnvironmentVariables').isSystem).toBe(true);
    expect(parseUdfPath('_system/cli/modules:apiSpec')).toMatchObject({
      isSystem: true,
      modulePath: '_system/cli/modules.js',
    });
    expect(parseUdfPath('cli/_system:x').isSystem).toBe(false);
  });

  test('explains invalid paths like the reference backend', () => {
    expect(
      [
        'mod:1st',
        'mod:',
        'mod:a-b',
        'mod:___',
        '',
        '/abs:x',
        'a/../b:x',
        'a//b:x',
        'mod.ts:x',
        'auth.config:default',
        'a b:c',
        `${'m'.repeat(65)}:x`,
      ].map((path) => messageOf(() => parseUdfPath(path))),
    ).toMatchInlineSnapshot(`
      [
        ""mod:1st" is not a valid path to a Convex function. Invalid first character '1' in 1st: identifiers must start with a letter or underscore.",
        ""mod:" is not a valid path to a Convex function. Identifier cannot be empty.",
        ""mod:a-b" is not a valid path to a Convex function. Identifier a-b has invalid character '-': identifiers can only contain letters, digits and underscores.",
        ""mod:___" is not a valid path to a Convex function. Identifier ___ cannot have exclusively underscores.",
        """ is not a valid path to a Convex function. Module paths must be nonempty.",
        ""/abs:x" is not a valid path to a Convex function. Module paths must be relative (/abs is absolute).",
        ""a/../b:x" is not a valid path to a Convex function. Invalid path component '..' in a/../b.",
        ""a//b:x" is not a valid path to a Convex function. Invalid path component '' in a//b.",
        ""mod.ts:x" is not a valid path to a Convex function. Module path (mod.ts) has an extension that isn't 'js'.",
        ""auth.config:default" is not a valid path to a Convex function. Module path (auth.config) has an extension that isn't 'js'.",
        ""a b:c" is not a valid path to a Convex function. Path component a b.js can only contain alphanumeric characters, underscores, or periods.",
        ""mmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmm:x" is not a valid path to a Convex function. Path component is too long (68 > maximum 64).",
      ]
    `);
  });
});
