import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { runCli } from '../run-cli.ts';
import { createTestContext } from '../test-support/test-context.ts';
import { createTestProject } from '../test-support/test-project.ts';

describe('selfhost init', () => {
  test('scaffolds functions that type-check with the generated code, and .env.local', async () => {
    using project = createTestProject('selfhost-app');
    rmSync(project.functionsDir, { recursive: true });
    writeFileSync(path.join(project.dir, '.env.local'), 'OTHER=1');
    const { ctx, stderr } = createTestContext({ cwd: project.dir });
    expect(
      await runCli(['init', '--url', 'http://127.0.0.1:3210', '--admin-key', 'key|01'], ctx),
      stderr(),
    ).toBe(0);
    expect(readFileSync(path.join(project.dir, '.env.local'), 'utf8')).toBe(
      'OTHER=1\nCONVEX_SELF_HOSTED_URL=http://127.0.0.1:3210\nCONVEX_SELF_HOSTED_ADMIN_KEY=key|01\n',
    );
    expect(stderr()).toMatchInlineSnapshot(`
        "✔ Wrote convex/schema.ts
        ✔ Wrote convex/messages.ts
        ✔ Wrote convex/tsconfig.json
        ✔ Wrote convex/_generated/
        ✔ Wrote CONVEX_SELF_HOSTED_URL and CONVEX_SELF_HOSTED_ADMIN_KEY to .env.local

        Next:
          1. Start the backend: npx selfhost-backend
          2. Run: npx selfhost dev
        "
      `);
    // Let the workspace sources resolve, as the fixture's own tsconfig does.
    const tsconfig = path.join(project.functionsDir, 'tsconfig.json');
    writeFileSync(
      tsconfig,
      readFileSync(tsconfig, 'utf8')
        .replace(
          '"noEmit": true',
          '"noEmit": true, "types": ["node"], "customConditions": ["@selfhost/source"], "allowImportingTsExtensions": true',
        )
        .replace('"lib": ["ES2023", "dom"]', '"lib": ["ES2023"]'),
    );
    const tsc = spawnSync(
      process.execPath,
      [
        path.join(project.dir, 'node_modules/typescript/bin/tsc'),
        '--noEmit',
        '--project',
        project.functionsDir,
      ],
      { encoding: 'utf8' },
    );
    expect(tsc.stdout).toBe('');
    expect(tsc.status).toBe(0);
  });
});
