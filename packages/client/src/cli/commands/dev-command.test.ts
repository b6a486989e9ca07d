import { appendFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { runCli } from '../run-cli.ts';
import { startFakeBackend } from '../test-support/fake-backend.ts';
import { spawnBackend } from '../test-support/spawn-backend.ts';
import { createTestContext } from '../test-support/test-context.ts';
import { createTestProject } from '../test-support/test-project.ts';

describe('selfhost dev', () => {
  test('--once pushes once and exits', async () => {
    await using backend = await startFakeBackend();
    using project = createTestProject('selfhost-app');
    const { ctx, stderr } = createTestContext({ cwd: project.dir });
    const code = await runCli(
      [
        'dev',
        '--once',
        '--url',
        backend.url,
        '--admin-key',
        backend.adminKey,
        '--typecheck',
        'enable',
      ],
      ctx,
    );
    expect(code, stderr()).toBe(0);
    expect(stderr()).toMatch(/✔ \d\d:\d\d:\d\d Convex functions ready! \(/);
    expect(backend.modules.has('messages.js')).toBe(true);
    expect(
      backend.requests.filter((request) => request.path === '/api/deploy2/evaluate_push'),
    ).toEqual([]);
  });

  test('pushes again after a file changes, and stops on Ctrl-C', { timeout: 30_000 }, async () => {
    await using backend = await startFakeBackend();
    using project = createTestProject('convex-app');
    const controller = new AbortController();
    const { ctx, stderr } = createTestContext({ cwd: project.dir, signal: controller.signal });
    const running = runCli(
      ['dev', '--url', backend.url, '--admin-key', backend.adminKey, '--typecheck', 'disable'],
      ctx,
    );
    const finishes = () =>
      backend.requests.filter((request) => request.path === '/api/deploy2/finish_push').length;
    await expect.poll(finishes, { timeout: 10_000 }).toBe(1);
    await expect.poll(() => stderr(), { timeout: 10_000 }).toContain('Watching for file changes');
    appendFileSync(path.join(project.functionsDir, 'messages.ts'), '\nexport const extra = 1;\n');
    await expect.poll(finishes, { timeout: 10_000 }).toBe(2);
    controller.abort();
    expect(await running, stderr()).toBe(0);
  });

  test(
    '--tail-logs prints the `[CONVEX …]` lines of functions run on a real backend',
    { timeout: 120_000 },
    async () => {
      await using backend = await spawnBackend();
      using project = createTestProject('selfhost-app');
      const controller = new AbortController();
      const { ctx, stderr } = createTestContext({ cwd: project.dir, signal: controller.signal });
      const running = runCli(
        [
          'dev',
          '--url',
          backend.url,
          '--admin-key',
          backend.adminKey,
          '--typecheck',
          'disable',
          '--tail-logs',
          'always',
        ],
        ctx,
      );
      await expect.poll(() => stderr(), { timeout: 60_000 }).toContain('Watching for file changes');
      // `messages:list` logs `console.log('listing', channel)`. The log stream's first answer only
      // marks where `dev` starts, so a query run before it would not be shown: run one with a new
      // channel on every poll until a line appears.
      let calls = 0;
      const runListAndRead = async () => {
        const response = await fetch(`${backend.url}/api/query`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({
            path: 'messages:list',
            args: { channel: `tail-${++calls}` },
            format: 'json',
          }),
        });
        expect(response.status, await response.text()).toBe(200);
        return stderr();
      };
      await expect
        .poll(runListAndRead, { timeout: 30_000 })
        .toMatch(/^.+ \[CONVEX Q\(messages:list\)\] \[LOG\] 'listing' 'tail-\d+'$/m);
      controller.abort();
      expect(await running, stderr()).toBe(0);
    },
  );
});
