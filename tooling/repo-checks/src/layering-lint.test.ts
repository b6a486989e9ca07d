import { randomUUID } from 'node:crypto';
import { rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, test } from 'vitest';
import { repoRoot } from './repo-root.ts';

// Type-aware lint only accepts files that belong to a tsconfig project, so the probe is a real
// (short-lived, uniquely named) file inside the package's src/, removed again at once.
async function lintAt(relativePath: string, code: string): Promise<string[]> {
  const probe = path.join(repoRoot, relativePath.replace(/\.ts$/, `-${randomUUID()}.ts`));
  await writeFile(probe, code);
  try {
    const eslint = new ESLint({ cwd: repoRoot });
    const [result] = await eslint.lintFiles([probe]);
    const fatal = result?.messages.find((m) => m.fatal);
    if (fatal) throw new Error(fatal.message);
    return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
  } finally {
    await rm(probe, { force: true });
  }
}

describe('layering lint', () => {
  test('the client may not import a server package', async () => {
    const messages = await lintAt(
      'packages/client/src/layering-probe.ts',
      "import { x } from '@selfhost/database';\nexport const y = x;\n",
    );
    expect(messages).toHaveLength(1);
    expect(messages[0]).toContain('packages/client may not import @selfhost/database');
  });

  test('the database may not import the function runner or sync', async () => {
    const messages = await lintAt(
      'packages/database/src/layering-probe.ts',
      "import { a } from '@selfhost/function-runner';\nimport { b } from '@selfhost/sync/internal';\nexport const c = [a, b];\n",
    );
    expect(messages).toHaveLength(2);
  });

  test('text-search and vector may not import the database', async () => {
    for (const pkg of ['text-search', 'vector']) {
      const messages = await lintAt(
        `packages/${pkg}/src/layering-probe.ts`,
        "import { x } from '@selfhost/database';\nexport const y = x;\n",
      );
      expect(messages, pkg).toHaveLength(1);
    }
  });

  test('no package imports into another package src/', async () => {
    const messages = await lintAt(
      'packages/sync/src/layering-probe.ts',
      "import { a } from '@selfhost/database/src/index.ts';\nimport { b } from '../../database/src/index.ts';\nexport const c = [a, b];\n",
    );
    expect(messages).toHaveLength(2);
  });

  test('a package does not import its own barrel', async () => {
    const messages = await lintAt(
      'packages/values/src/layering-probe.ts',
      "import { a } from './index.ts';\nexport const c = a;\n",
    );
    expect(messages).toHaveLength(1);
  });

  test('allowed imports pass', async () => {
    const messages = await lintAt(
      'packages/sync/src/layering-probe.ts',
      "import { a } from '@selfhost/database';\nimport { b } from '@selfhost/protocol';\nexport const c = [a, b];\n",
    );
    expect(messages).toEqual([]);
  });
});
