import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';

const srcDir = import.meta.dirname;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(file);
    return /\.(tsx?|css)$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [file] : [];
  });
}

// `next build` must work offline on a fresh clone, and the dashboard must not call out to the
// internet: system fonts, a local icon, no CDN.
describe('dashboard assets', () => {
  test('nothing is fetched from the internet at build or run time', () => {
    const remote =
      /next\/font\/google|@import\s+url\(\s*['"]?https?:|url\(\s*['"]?https?:|(?:src|href)=["']https?:\/\/(?!127\.0\.0\.1)/;
    const offenders = sourceFiles(srcDir).filter((file) => remote.test(readFileSync(file, 'utf8')));
    expect(offenders.map((file) => path.relative(srcDir, file))).toEqual([]);
  });
});
