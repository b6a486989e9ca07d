// End to end against the real backend executable, with the real `selfhost` executable and the
// official `convex` CLI. Runs only with SELFHOST_E2E=1 (the backend's push protocol is being
// built; enable these once it takes pushes).
import { spawn } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { runOfficialCli } from './test-support/run-official-cli.ts';
import { spawnBackend } from './test-support/spawn-backend.ts';
import { createTestProject, SELFHOST_BIN } from './test-support/test-project.ts';

async function selfhost(
  args: readonly string[],
  cwd: string,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return await new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [SELFHOST_BIN, ...args], {
      cwd,
      env: { PATH: process.env['PATH'], HOME: process.env['HOME'], NO_COLOR: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe.skipIf(process.env['SELFHOST_E2E'] !== '1')('selfhost CLI against a real backend', () => {
  test(
    'deploy, dev --once, run, data, env; then the official CLI pushes the same app',
    { timeout: 300_000 },
    async () => {
      await using backend = await spawnBackend();
      using project = createTestProject('convex-app');
      const target = ['--url', backend.url, '--admin-key', backend.adminKey];

      const deployed = await selfhost(['deploy', ...target, '--typecheck', 'enable'], project.dir);
      expect(deployed.code, deployed.stderr).toBe(0);
      expect(deployed.stderr).toContain(`Deployed functions to ${backend.url}`);

      const again = await selfhost(
        ['dev', '--once', ...target, '--typecheck', 'enable'],
        project.dir,
      );
      expect(again.code, again.stderr).toBe(0);

      const created = await selfhost(
        ['run', 'dir/users:create', '{ name: "ada" }', ...target],
        project.dir,
      );
      expect(created.code, created.stderr).toBe(0);
      const userId = JSON.parse(created.stdout) as string;
      const got = await selfhost(
        ['run', 'api.dir.users.get', JSON.stringify({ id: userId }), ...target],
        project.dir,
      );
      expect(JSON.parse(got.stdout)).toMatchObject({ name: 'ADA!' });
      const missing = await selfhost(['run', 'messages:nope', ...target], project.dir);
      expect(missing.code).toBe(1);
      expect(missing.stderr).toContain('Available functions:');

      const tables = await selfhost(['data', ...target], project.dir);
      expect(tables.stdout.split('\n')).toContain('users');

      expect(
        (await selfhost(['env', 'set', 'GREETING', 'hello', ...target], project.dir)).code,
      ).toBe(0);
      expect((await selfhost(['env', 'get', 'GREETING', ...target], project.dir)).stdout).toBe(
        'hello\n',
      );
      expect((await selfhost(['env', 'list', ...target], project.dir)).stdout).toContain(
        'GREETING=hello',
      );
      expect((await selfhost(['env', 'remove', 'GREETING', ...target], project.dir)).code).toBe(0);

      const official = await runOfficialCli(
        ['deploy', '--yes', ...target, '--typecheck', 'disable'],
        project.dir,
      );
      expect(official.code, official.stderr).toBe(0);
      const afterOfficial = await selfhost(
        ['deploy', ...target, '--typecheck', 'disable'],
        project.dir,
      );
      expect(afterOfficial.code, afterOfficial.stderr).toBe(0);
    },
  );

  test(
    'an app on @selfhost/client: dev --once type-checks against the generated code',
    { timeout: 300_000 },
    async () => {
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
    { timeout: 300_000 },
    async () => {
      const backend = await spawnBackend();
      using project = createTestProject('convex-app');
      const target = ['--url', backend.url, '--admin-key', backend.adminKey];

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

      writeFileSync(path.join(project.functionsDir, 'broken.ts'), 'export const x = {;\n');
      const syntax = await selfhost(['deploy', ...target, '--typecheck', 'disable'], project.dir);
      expect(syntax.code).toBe(1);
      expect(syntax.stderr).toContain('convex/broken.ts:1:18');
      const nothing = await selfhost(
        ['run', 'messages:list', '{ channel: "x" }', ...target],
        project.dir,
      );
      expect(nothing.stderr).toContain('Could not find function');
      rmSync(path.join(project.functionsDir, 'broken.ts'));

      await backend.stop();
      const down = await selfhost(['deploy', ...target, '--typecheck', 'disable'], project.dir);
      expect(down.code).toBe(1);
      expect(down.stderr).toContain(`Cannot reach ${backend.url}`);
      expect(down.stderr).toContain('is the backend running?');

      const wrongUrl = await selfhost(
        ['deploy', '--url', 'http://127.0.0.1:1', '--admin-key', 'k', '--typecheck', 'disable'],
        project.dir,
      );
      expect(wrongUrl.code).toBe(1);
      expect(wrongUrl.stderr).toContain('Cannot reach http://127.0.0.1:1');
    },
  );
});
