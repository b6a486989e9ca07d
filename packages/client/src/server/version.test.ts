import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, test } from 'vitest';
import { CONVEX_COMPAT_VERSION } from './version.ts';

describe('CONVEX_COMPAT_VERSION', () => {
  test('is the version of the convex package the wire-equivalence tests compare against', () => {
    const packageJsonPath = createRequire(import.meta.url).resolve('convex/package.json');
    const { version } = JSON.parse(readFileSync(packageJsonPath, 'utf8')) as { version: string };
    expect(CONVEX_COMPAT_VERSION).toBe(version);
  });
});
