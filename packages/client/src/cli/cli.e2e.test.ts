// End to end against the real backend executable, with the real `selfhost` executable and the
// official `convex` CLI, each test with its own backend. Type checks (`tsc`) are the slow part:
// each fixture app is checked once. Commands that only talk to the backend (`run`, `data`,
// `env`) run in-process (`inProcess`), which saves a Node start each.
import { rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, test } from 'vitest';
import { runCli } from './run-cli.ts';
import { createTestContext } from './test-support/test-context.ts';
import { runOfficialCli } from './test-support/run-official-cli.ts';
import { runSelfhost as selfhost, type CliRun } from './test-support/run-selfhost.ts';
import { spawnBackend } from './test-support/spawn-backend.ts';
import { createTestProject } from './test-support/test-project.ts';

async function inProcess(args: readonly string[], cwd: string): Promise<CliRun> {
  const { ctx, stdout, stderr } = createTestContext({ cwd });
  const code = await runCli(args, ctx);
  return { code, stdout: stdout(), stderr: stderr() };
}

describe('selfhost CLI against a real backend', () => {
  test(
    'deploy and dev --once push the app and type-check it against the generated code; run, data, env',
    { timeout: 180_000 },
    async ({ expect }) => {
      await using backend = await spawnBackend();
      using project = createTestProject('convex-app');
      const target = ['--url', backend.url, '--admin-key', backend.adminKey];

      const deployed = await selfhost(['deploy', ...target, '--typecheck', 'enable'], project.dir);
      expect(deployed.code, deployed.stderr).toBe(0);
      expect(deployed.stderr).toContain(`Deployed functions to ${backend.url}`);

      const again = await selfhost(
        ['dev', '--once', ...target, '--typecheck', 'disable'],
        project.dir,
      );
      expect(again.code, again.stderr).toBe(0);

      const created = await inProcess(
        ['run', 'dir/users:create', '{ name: "ada" }', ...target],
        project.dir,
      );
      expect(created.code, created.stderr).toBe(0);
      const userId = JSON.parse(created.stdout) as string;
      const got = await inProcess(
        ['run', 'api.dir.users.get', JSON.stringify({ id: userId }), ...target],
        project.dir,
      );
      expect(JSON.parse(got.stdout)).toMatchObject({ name: 'ADA!' });
      const missing = await inProcess(['run', 'messages:nope', ...target], project.dir);
      expect(missing.code).toBe(1);
      expect(missing.stderr).toContain('Available functions:');

      const tables = await inProcess(['data', ...target], project.dir);
      expect(tables.stdout.split('\n')).toContain('users');

      expect(
        (await inProcess(['env', 'set', 'GREETING', 'hello', ...target], project.dir)).code,
      ).toBe(0);
      expect((await inProcess(['env', 'get', 'GREETING', ...target], project.dir)).stdout).toBe(
        'hello\n',
      );
      expect((await inProcess(['env', 'list', ...target], project.dir)).stdout).toContain(
        'GREETING=hello',
      );
      expect((await inProcess(['env', 'remove', 'GREETING', ...target], project.dir)).code).toBe(0);
    },
  );

  test(
    'the official CLI pushes the app ours pushed, and ours pushes it after the official one',
    { timeout: 180_000 },
    async ({ expect }) => {
      await using backend = await spawnBackend();
      using project = createTestProject('convex-app');
      const target = [
        '--url',
        backend.url,
        '--admin-key',
        backend.adminKey,
        '--typecheck',
        'disable',
      ];

      const ours = await selfhost(['deploy', ...target], project.dir);
      expect(ours.code, ours.stderr).toBe(0);
      const official = await runOfficialCli(['deploy', '--yes', ...target], project.dir);
      expect(official.code, official.stderr).toBe(0);
      const afterOfficial = await selfhost(['deploy', ...target], project.dir);
      expect(afterOfficial.code, afterOfficial.stderr).toBe(0);
      const created = await inProcess(
        [
          'run',
          'dir/users:create',
          '{ name: "bob" }',
          '--url',
          backend.url,
          '--admin-key',
          backend.adminKey,
        ],
        project.dir,
      );
      expect(created.code, created.stderr).toBe(0);
    },
  );

  test(
    'an app on @selfhost/client: dev --once type-checks against the generated code',
    { timeout: 180_000 },
    async ({ expect }) => {
      await using backend = await spawnBackend();
      using project = createTestProject('selfhost-app');
      const result = await selfhost(
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
        project.dir,
      );
      expect(result.code, result.stderr).toBe(0);
    },
  );

  test(
    'bad inputs: a clear message and exit code 1, and nothing half-deployed',
    { timeout: 180_000 },
    async ({ expect }) => {
      await using backend = await spawnBackend();
      using project = createTestProject('convex-app');
      const target = ['--url', backend.url, '--admin-key', backend.adminKey];
      const listMessages = async () =>
        await inProcess(['run', 'messages:list', '{ channel: "x" }', ...target], project.dir);

      const wrongKey = await selfhost(
        [
          'deploy',
          '--url',
          backend.url,
          '--admin-key',
          'convex-self-hosted|00',
          '--typecheck',
          'disable',
        ],
        project.dir,
      );
      expect(wrongKey.code).toBe(1);
      expect(wrongKey.stderr).toContain('The admin key was refused');
      expect((await listMessages()).stderr).toContain('Could not find function');

      writeFileSync(path.join(project.functionsDir, 'broken.ts'), 'export const x = {;\n');
      const syntax = await selfhost(['deploy', ...target, '--typecheck', 'disable'], project.dir);
      expect(syntax.code).toBe(1);
      expect(syntax.stderr).toContain('convex/broken.ts:1:18');
      expect((await listMessages()).stderr).toContain('Could not find function');
      rmSync(path.join(project.functionsDir, 'broken.ts'));

      // After a good push, a module that throws when loaded fails the next push on the
      // backend, and the previous functions stay live.
      const good = await selfhost(['deploy', ...target, '--typecheck', 'disable'], project.dir);
      expect(good.code, good.stderr).toBe(0);
      writeFileSync(
        path.join(project.functionsDir, 'messages.ts'),
        'throw new Error("boom at import");\nexport const list = 1;\n',
      );
      const throwing = await selfhost(['deploy', ...target, '--typecheck', 'disable'], project.dir);
      expect(throwing.code).toBe(1);
      expect(throwing.stderr).toContain('Uncaught Error: boom at import');
      const stillLive = await listMessages();
      expect(stillLive.code, stillLive.stderr).toBe(0);
      expect(JSON.parse(stillLive.stdout)).toEqual([]);

      // The CLI retries unreachable backends for a few seconds: both cases wait together.
      await backend.stop();
      const [down, wrongUrl] = await Promise.all([
        selfhost(['deploy', ...target, '--typecheck', 'disable'], project.dir),
        selfhost(
          ['deploy', '--url', 'http://127.0.0.1:1', '--admin-key', 'k', '--typecheck', 'disable'],
          project.dir,
        ),
      ]);
      expect(down.code).toBe(1);
      expect(down.stderr).toContain(`Cannot reach ${backend.url}`);
      expect(down.stderr).toContain('is the backend running?');
      expect(wrongUrl.code).toBe(1);
      expect(wrongUrl.stderr).toContain('Cannot reach http://127.0.0.1:1');
    },
  );
});
