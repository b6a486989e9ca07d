import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { hostOf, parseUrl, pathOf, serializeUrl } from './url-parser.ts';

function ours(input: string, base?: string): string | null {
  try {
    return serializeUrl(parseUrl(input, base === undefined ? null : parseUrl(base, null)));
  } catch {
    return null;
  }
}

function node(input: string, base?: string): string | null {
  try {
    return new URL(input, base).href;
  } catch {
    return null;
  }
}

const CASES: [string, string?][] = [
  ['https://example.com'],
  ['HTTP://EXAMPLE.com:80/a/../b/./c?q=1#f'],
  ['https://user:pass@host:8443/p?x=y z#a b'],
  ['http://[2001:db8::1]:8080/'],
  ['http://[::ffff:192.168.0.1]/'],
  ['http://0x7f.0.0.1/'],
  ['http://192.168.1.1/x'],
  ['file:///etc/passwd'],
  ['file://localhost/tmp'],
  ['mailto:a@b.c'],
  ['data:text/plain,hello'],
  ['ws://h/chat'],
  ['wss://h:443/'],
  ['https://h/é?é#é'],
  ['https://h/%7e/a%2fb'],
  ['foo://bar/baz?q'],
  ['/x/y', 'https://a.b/c/d'],
  ['../up', 'https://a.b/c/d/e'],
  ['?q=2', 'https://a.b/c?q=1#h'],
  ['#frag', 'https://a.b/c?q=1'],
  ['//other.host/p', 'https://a.b/c'],
  ['', 'https://a.b/c?d#e'],
  ['http:relative', 'http://a.b/c/d'],
  ['https://h:99999/'],
  ['https://exa mple.com/'],
  ['not a url'],
];

describe('parseUrl', () => {
  test.each(CASES)('agrees with Node for %s (base %s)', (input, base) => {
    expect(ours(input, base)).toBe(node(input, base));
  });

  test('agrees with Node on generated http(s) URLs', () => {
    const segment = fc.stringMatching(/^[a-zA-Z0-9._~%-]{0,8}$/);
    const url = fc
      .record({
        scheme: fc.constantFrom('http', 'https', 'HTTPS', 'ws'),
        host: fc.stringMatching(/^[a-z][a-z0-9-]{0,10}(\.[a-z]{2,5}){0,2}$/),
        port: fc.option(fc.integer({ min: 1, max: 65535 }), { nil: undefined }),
        path: fc.array(fc.oneof(segment, fc.constantFrom('.', '..', '%2e', 'a b', 'é')), { maxLength: 5 }),
        query: fc.option(fc.stringMatching(/^[a-z0-9=&+ é%']{0,12}$/), { nil: undefined }),
        hash: fc.option(fc.stringMatching(/^[a-z0-9 #]{0,6}$/), { nil: undefined }),
      })
      .map(
        (u) =>
          `${u.scheme}://${u.host}${u.port === undefined ? '' : `:${u.port}`}/${u.path.join('/')}${u.query === undefined ? '' : `?${u.query}`}${u.hash === undefined ? '' : `#${u.hash}`}`,
      );
    fc.assert(
      fc.property(url, (text) => {
        expect(ours(text)).toBe(node(text));
      }),
      { numRuns: 500 },
    );
  });

  test('exposes host and path', () => {
    const record = parseUrl('https://a.b:8080/x/y', null);
    expect([hostOf(record), pathOf(record)]).toEqual(['a.b:8080', '/x/y']);
  });
});
