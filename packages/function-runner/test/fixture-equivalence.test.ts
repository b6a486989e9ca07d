import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';

const FIXTURES = path.join(import.meta.dirname, 'fixtures');

function files(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts'))
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)))
    .sort();
}

/** The code without lint directives, with the official import specifiers. */
function normalized(source: string): string {
  return source
    .split('\n')
    .filter((line) => !line.startsWith('/* eslint-disable'))
    .join('\n')
    .replaceAll("'@selfhost/client/server'", "'convex/server'")
    .replaceAll("'@selfhost/client/values'", "'convex/values'");
}

describe('fixture apps', () => {
  test('the @selfhost/client app is the official app with other import specifiers', () => {
    const official = path.join(FIXTURES, 'app-official', 'convex');
    const selfhost = path.join(FIXTURES, 'app-selfhost', 'convex');
    expect(files(selfhost)).toEqual(files(official));
    for (const file of files(official)) {
      expect(normalized(readFileSync(path.join(selfhost, file), 'utf8')), file).toBe(normalized(readFileSync(path.join(official, file), 'utf8')));
    }
  });
});
