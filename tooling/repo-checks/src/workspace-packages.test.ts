// Every package of packages/ and apps/ has the same shape (issue 11, STYLE.md habit 36): ESM,
// an `exports` map (possibly only `./package.json` for an app nothing imports), the same
// scripts, and a README saying what it is for.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { repoRoot } from './repo-root.ts';

interface Manifest {
  type?: string;
  exports?: Record<string, unknown>;
  scripts?: Record<string, string>;
}

// packages/tests only holds tests that span packages (STYLE.md habit 26): nothing imports it.
const exempt = new Set(['packages/tests']);
const folders = ['packages', 'apps']
  .flatMap((group) => readdirSync(path.join(repoRoot, group)).map((name) => `${group}/${name}`))
  .filter(
    (folder) => existsSync(path.join(repoRoot, folder, 'package.json')) && !exempt.has(folder),
  );

describe.each(folders)('%s', (folder) => {
  const manifest = JSON.parse(
    readFileSync(path.join(repoRoot, folder, 'package.json'), 'utf8'),
  ) as Manifest;

  test('is ESM with an exports map', () => {
    expect(manifest.type).toBe('module');
    expect(manifest.exports).toBeTypeOf('object');
  });

  test('has the shared scripts and a README', () => {
    expect(Object.keys(manifest.scripts ?? {})).toEqual(
      expect.arrayContaining(['build', 'check-types', 'lint', 'test', 'format']),
    );
    expect(existsSync(path.join(repoRoot, folder, 'README.md'))).toBe(true);
  });
});
