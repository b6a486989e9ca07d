import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { runCli } from '../run-cli.ts';
import { startFakeBackend, type FakeBackend } from '../test-support/fake-backend.ts';
import { createTestContext } from '../test-support/test-context.ts';
import { createTestProject } from '../test-support/test-project.ts';

const env = async (backend: FakeBackend, dir: string, args: string[], stdin?: string) => {
  const { ctx, stdout, stderr } = createTestContext({
    cwd: dir,
    ...(stdin === undefined ? {} : { stdin }),
  });
  const code = await runCli(
    ['env', ...args, '--url', backend.url, '--admin-key', backend.adminKey],
    ctx,
  );
  return { code, stdout: stdout(), stderr: stderr().replaceAll(backend.url, '<url>') };
};

describe('selfhost env', () => {
  test('set, get, list and remove', async () => {
    await using backend = await startFakeBackend();
    using project = createTestProject('convex-app');
    expect((await env(backend, project.dir, ['set', 'API_KEY', 'secret value'])).stderr).toBe(
      '✔ Set API_KEY on <url>\n',
    );
    expect((await env(backend, project.dir, ['set', 'MODE=prod'])).code).toBe(0);
    expect((await env(backend, project.dir, ['set', 'PIPED'], 'from stdin')).code).toBe(0);
    expect((await env(backend, project.dir, ['get', 'API_KEY'])).stdout).toBe('secret value\n');
    expect((await env(backend, project.dir, ['list'])).stdout).toMatchInlineSnapshot(`
      "API_KEY='secret value'
      MODE=prod
      PIPED='from stdin'
      "
    `);
    expect((await env(backend, project.dir, ['remove', 'MODE'])).code).toBe(0);
    expect([...backend.envVars.keys()]).toEqual(['API_KEY', 'PIPED']);
    const missing = await env(backend, project.dir, ['get', 'MODE']);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toBe('✖ Environment variable "MODE" is not set on <url>.\n');
    const update = backend.requests.find(
      (request) => request.path === '/api/update_environment_variables',
    );
    expect(update?.body).toEqual({ changes: [{ name: 'API_KEY', value: 'secret value' }] });
  });

  test('set --from-file skips CLI variables and refuses to overwrite without --force', async () => {
    await using backend = await startFakeBackend();
    using project = createTestProject('convex-app');
    backend.envVars.set('A', 'old');
    writeFileSync(
      path.join(project.dir, 'prod.env'),
      'A=new\nB=2\nCONVEX_SELF_HOSTED_URL=http://x\n',
    );
    const refused = await env(backend, project.dir, ['set', '--from-file', 'prod.env']);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatchInlineSnapshot(`
      "Skipping variables the CLI manages: CONVEX_SELF_HOSTED_URL
      ✖ A already set with another value. Pass --force to overwrite.
      "
    `);
    const forced = await env(backend, project.dir, ['set', '--from-file', 'prod.env', '--force']);
    expect(forced.code, forced.stderr).toBe(0);
    expect(Object.fromEntries(backend.envVars)).toEqual({ A: 'new', B: '2' });
  });
});
