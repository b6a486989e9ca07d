import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { findEntryPoints } from './entry-points.ts';
import { entryPointsByEnvironment } from './module-environment.ts';

let dir: string;
const write = (file: string, text = 'export const x = 1;\n') => {
  mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
  writeFileSync(path.join(dir, file), text);
};
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('findEntryPoints', () => {
  test('keeps function modules and skips what the official CLI skips', () => {
    dir = mkdtempSync(path.join(tmpdir(), 'selfhost-entry-'));
    for (const file of ['b.ts', 'a.ts', 'B.js', 'dir/c.tsx', 'http.ts', 'crons.js', 'x.mjs'])
      write(file);
    for (const file of [
      'schema.ts',
      'auth.config.ts',
      'a.test.ts',
      '.hidden.ts',
      '#a.ts#',
      'with space.ts',
      'README.md',
      '_generated/api.js',
      'lib.d.ts',
    ])
      write(file);
    write('component/convex.config.ts');
    write('component/inner.ts');
    write('empty.ts', '// nothing\n');
    const found = findEntryPoints(dir).map((file) => path.relative(dir, file));
    expect(found).toEqual(['B.js', 'a.ts', 'b.ts', 'crons.js', 'dir/c.tsx', 'http.ts', 'x.mjs']);
  });

  test('_deps/ is reserved', () => {
    dir = mkdtempSync(path.join(tmpdir(), 'selfhost-entry-'));
    write('_deps/x.ts');
    expect(() => findEntryPoints(dir)).toThrow(
      /_deps\/x\.ts" is within the "_deps" directory, which is reserved/,
    );
  });

  test('"use node" splits modules by environment, with the official restrictions', () => {
    dir = mkdtempSync(path.join(tmpdir(), 'selfhost-entry-'));
    write('images.ts', '"use node";\nexport const a = 1;\n');
    write('plain.ts');
    const split = entryPointsByEnvironment(dir, findEntryPoints(dir));
    expect({
      isolate: split.isolate.map((f) => path.basename(f)),
      node: split.node.map((f) => path.basename(f)),
    }).toEqual({
      isolate: ['plain.ts'],
      node: ['images.ts'],
    });
    write('http.ts', '"use node";\nexport default 1;\n');
    expect(() =>
      entryPointsByEnvironment(dir, findEntryPoints(dir)),
    ).toThrowErrorMatchingInlineSnapshot(
      `[CliError: "use node" directive is not allowed for http.ts: remove it; this module always runs in the isolate.]`,
    );
    rmSync(path.join(dir, 'http.ts'));
    write('actions/old.ts');
    expect(() =>
      entryPointsByEnvironment(dir, findEntryPoints(dir)),
    ).toThrowErrorMatchingInlineSnapshot(
      `[CliError: actions/old.ts is in the actions/ folder but has no "use node" directive. Add "use node"; at its top to run it in Node.js, or move it out of actions/.]`,
    );
  });
});
