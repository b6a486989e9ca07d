import { describe, expect, test } from 'vitest';
import { formatConsoleArgs, inspect } from './inspect.ts';

describe('inspect', () => {
  test('formats values like the reference console', () => {
    class Point {
      x = 1;
    }
    const circular: Record<string, unknown> = { a: 1 };
    circular['self'] = circular;
    expect(
      [
        'hi',
        "it's",
        'tab\there',
        1,
        -0,
        10n,
        true,
        null,
        undefined,
        Symbol('s'),
        [1, 'two', [3]],
        [],
        {},
        { a: 1, 'b-c': [1, { d: 2 }] },
        new Map([['k', 1]]),
        new Set([1]),
        new Error('boom'),
        function named() {},
        () => 1,
        new Point(),
        Object.create(null),
        circular,
        { a: { b: { c: { d: { e: { f: 1 } } } } } },
        /re/g,
      ].map(inspect),
    ).toMatchInlineSnapshot(`
      [
        "'hi'",
        "'it\\'s'",
        "'tab\\there'",
        "1",
        "-0",
        "10n",
        "true",
        "null",
        "undefined",
        "Symbol(s)",
        "[ 1, 'two', [ 3 ] ]",
        "[]",
        "{}",
        "{
        a: 1,
        'b-c': [
          1,
          {
            d: 2
          }
        ]
      }",
        "Map (1) {
        'k' => 1
      }",
        "Set (1) {
        1
      }",
        "[Error: boom]",
        "[Function: named]",
        "[Function (anonymous)]",
        "Point {
        x: 1
      }",
        "[Object: null prototype] {}",
        "{
        a: 1,
        self: [Circular]
      }",
        "{
        a: {
          b: {
            c: {
              d: {
                e: [Object]
              }
            }
          }
        }
      }",
        "/re/g",
      ]
    `);
  });

  test('joins console arguments with spaces', () => {
    expect(formatConsoleArgs(['count', 3, { a: 1 }])).toBe("'count' 3 {\n  a: 1\n}");
  });

  test('cuts strings longer than 32,768 characters', () => {
    expect(inspect('x'.repeat(32_770)).endsWith("'... 2 more characters")).toBe(true);
  });
});
