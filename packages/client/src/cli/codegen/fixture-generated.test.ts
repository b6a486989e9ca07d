// The fixtures' committed `_generated/` is what `selfhost codegen` writes (without an analysis,
// which the default settings do not need): `pnpm check-types` then proves that the generated code
// type-checks the fixture apps, for both libraries.
import { readFileSync } from 'node:fs';
import { format, resolveConfig } from 'prettier';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { readProjectConfig } from '../config/project-config.ts';
import { codegenInputFromDisk } from './codegen-input-from-disk.ts';
import { generatedFiles } from './generated-files.ts';

const fixtures = path.join(import.meta.dirname, '..', 'test-support', 'fixtures');

describe('committed fixture _generated/', () => {
  for (const [name, pkg] of [
    ['convex-app', { name: 'convex', server: 'convex/server', values: 'convex/values' }],
    [
      'selfhost-app',
      {
        name: '@selfhost/client',
        server: '@selfhost/client/server',
        values: '@selfhost/client/values',
      },
    ],
  ] as const) {
    test(`${name} is up to date`, async () => {
      const dir = path.join(fixtures, name);
      const functionsDir = path.join(dir, 'convex');
      const files = generatedFiles(
        codegenInputFromDisk({ functionsDir, config: readProjectConfig(dir), pkg, analysis: null }),
      );
      for (const [file, text] of Object.entries(files)) {
        const filepath = path.join(functionsDir, '_generated', file);
        // Compared as the repository formats them, so that `pnpm format` does not fail this test.
        const options = { ...(await resolveConfig(filepath)), filepath };
        const committed = await format(readFileSync(filepath, 'utf8'), options);
        expect(committed, `${name}/convex/_generated/${file}`).toBe(await format(text, options));
      }
    });
  }
});
