import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { moduleHash } from './module-hash.ts';

// The server's definition (compat spec §2.3, local-backend's deploy/module-hash.ts): hex SHA-256
// of the UTF-8 bytes of the source immediately followed by those of the source map, if any.
function serverHash(source: string, sourceMap: string | undefined): string {
  const bytes = Buffer.concat([Buffer.from(source, 'utf8'), Buffer.from(sourceMap ?? '', 'utf8')]);
  return createHash('sha256').update(bytes).digest('hex');
}

describe('moduleHash', () => {
  test('a known value', () => {
    expect(moduleHash({ source: 'export {};\n', sourceMap: undefined })).toBe(
      createHash('sha256').update('export {};\n').digest('hex'),
    );
  });

  test('equals the server algorithm for any source and source map (non-ASCII included)', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'grapheme' }),
        fc.option(fc.string({ unit: 'grapheme' }), { nil: undefined }),
        (source, sourceMap) => {
          expect(moduleHash({ source, sourceMap })).toBe(serverHash(source, sourceMap));
        },
      ),
    );
  });
});
