import { existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { runCli } from '../run-cli.ts';
import { startFakeBackend, type FakeBackend } from '../test-support/fake-backend.ts';
import { createTestContext } from '../test-support/test-context.ts';
import { createTestProject } from '../test-support/test-project.ts';

const deploy = async (
  backend: { url: string; adminKey: string },
  dir: string,
  extra: string[] = [],
) => {
  const { ctx, stdout, stderr } = createTestContext({ cwd: dir });
  const code = await runCli(
    [
      'deploy',
      '--url',
      backend.url,
      '--admin-key',
      backend.adminKey,
      '--typecheck',
      'disable',
      ...extra,
    ],
    ctx,
  );
  return { code, stdout: stdout(), stderr: stderr().replaceAll(backend.url, '<url>') };
};
const paths = (backend: FakeBackend) => backend.requests.map((request) => request.path);

describe('selfhost deploy', () => {
  test('pushes the app with the deploy protocol and writes _generated/', async () => {
    await using backend = await startFakeBackend();
    using project = createTestProject('convex-app');
    const { code, stderr } = await deploy(backend, project.dir);
    expect(code, stderr).toBe(0);
    expect(stderr).toMatchInlineSnapshot(`
      "Deploying to <url>…
      Bundling functions…
      Uploading functions to <url>…
      Generating TypeScript bindings…
      Finalizing push…
      ✔ Deployed functions to <url>
      "
    `);
    expect(paths(backend)).toEqual([
      '/api/get_config_hashes',
      '/api/deploy2/evaluate_push',
      '/api/deploy2/start_push',
      '/api/deploy2/wait_for_schema',
      '/api/deploy2/finish_push',
      '/api/deploy2/report_push_completed',
    ]);
    const modules = [...backend.modules.values()].map(
      (module) =>
        `${module.environment} ${module.path.replace(/_deps\/(node\/)?[^/]+$/, '_deps/$1<hash>.js')}`,
    );
    expect(modules).toMatchInlineSnapshot(`
      [
        "isolate dir/users.js",
        "isolate http.js",
        "isolate lib/format.js",
        "isolate messages.js",
        "isolate _deps/<hash>.js",
        "isolate _deps/<hash>.js",
        "isolate _deps/<hash>.js",
        "node nodeActions.js",
      ]
    `);
    expect(existsSync(path.join(project.functionsDir, '_generated', 'api.d.ts'))).toBe(true);
  });

  test('a syntax error stops before anything is sent, naming the file and line', async () => {
    await using backend = await startFakeBackend();
    using project = createTestProject('convex-app');
    writeFileSync(path.join(project.functionsDir, 'broken.ts'), 'export const x = {;\n');
    const { code, stderr } = await deploy(backend, project.dir);
    expect(code).toBe(1);
    expect(stderr).toMatchInlineSnapshot(`
      "Deploying to <url>…
      Bundling functions…
      ✖ Bundling your functions failed, nothing was pushed:

      ✘ [ERROR] Expected identifier but found ";"

          convex/broken.ts:1:18:
            1 │ export const x = {;
              ╵                   ^
      "
    `);
    expect(paths(backend)).toEqual([]);
  });

  test('Node APIs outside "use node" fail with advice', async () => {
    await using backend = await startFakeBackend();
    using project = createTestProject('convex-app');
    writeFileSync(
      path.join(project.functionsDir, 'fs.ts'),
      'import { readFileSync } from "fs";\nexport const x = readFileSync;\n',
    );
    const { code, stderr } = await deploy(backend, project.dir);
    expect(code).toBe(1);
    expect(stderr).toContain('convex/fs.ts:1:29');
    expect(stderr).toContain('without the "use node" directive');
  });

  test('a push the server rejects shows its message, and is never finished', async () => {
    await using backend = await startFakeBackend();
    using project = createTestProject('convex-app');
    backend.startPushError = {
      status: 400,
      code: 'InvalidModules',
      message: 'Hit an error while pushing:\nUncaught Error: boom',
    };
    const { code, stderr } = await deploy(backend, project.dir);
    expect(code).toBe(1);
    expect(stderr.split('\n').slice(-3).join('\n')).toMatchInlineSnapshot(`
      "✖ POST /api/deploy2/start_push failed: 400 Bad Request: InvalidModules: Hit an error while pushing:
      Uncaught Error: boom
      "
    `);
    expect(paths(backend)).not.toContain('/api/deploy2/finish_push');
  });

  test('a failed schema validation is never finished', async () => {
    await using backend = await startFakeBackend();
    using project = createTestProject('convex-app');
    backend.schemaStatus = {
      type: 'failed',
      error: 'Document k1 in table "messages" does not match the schema',
      componentPath: '',
      tableName: 'messages',
    };
    const { code, stderr } = await deploy(backend, project.dir);
    expect(code).toBe(1);
    expect(stderr).toContain(
      'Schema validation failed, nothing was made live:\nDocument k1 in table "messages" does not match the schema',
    );
    expect(paths(backend)).not.toContain('/api/deploy2/finish_push');
  });

  test('a wrong admin key says so and how to get a good one', async () => {
    await using backend = await startFakeBackend();
    using project = createTestProject('convex-app');
    const { code, stderr } = await deploy({ url: backend.url, adminKey: 'wrong' }, project.dir);
    expect(code).toBe(1);
    expect(stderr.split('\n').slice(2).join('\n')).toMatchInlineSnapshot(`
      "✖ The admin key was refused (403 Forbidden: BadDeployKey): The admin key is not valid for this deployment.
      Use the key the backend printed at start-up (its "admin key:" line) or make one with \`generate-admin-key --data-dir <data dir>\`, and pass it with --admin-key or SELFHOST_ADMIN_KEY (or CONVEX_SELF_HOSTED_ADMIN_KEY in .env.local).
      "
    `);
  });

  test('a backend that is down: "Cannot reach", with how to start it', async () => {
    const backend = await startFakeBackend();
    await backend.close();
    using project = createTestProject('convex-app');
    const { code, stderr } = await deploy(backend, project.dir);
    expect(code).toBe(1);
    expect(stderr.split('\n').slice(2).join('\n')).toMatchInlineSnapshot(`
      "✖ Cannot reach <url> (ECONNREFUSED): is the backend running? Start it with \`npx selfhost-backend\`, or fix the URL (--url, or SELFHOST_URL / CONVEX_SELF_HOSTED_URL in .env.local).
      "
    `);
  });

  test('no URL anywhere: says where to put one', async () => {
    using project = createTestProject('convex-app');
    const { ctx, stderr } = createTestContext({ cwd: project.dir });
    expect(await runCli(['deploy'], ctx)).toBe(1);
    expect(stderr()).toMatchInlineSnapshot(`
      "✖ No deployment URL. Pass --url <url>, or set SELFHOST_URL (or CONVEX_SELF_HOSTED_URL) in the environment or in .env.local — \`selfhost init\` writes one.
      "
    `);
  });

  test('deleting an index of a large table needs --yes without a terminal', async () => {
    await using backend = await startFakeBackend();
    using project = createTestProject('convex-app');
    backend.removedIndexes = [{ name: 'messages.by_author', type: 'database', fields: ['author'] }];
    backend.tableSize = 250_000;
    const refused = await deploy(backend, project.dir);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('messages.by_author  author  (250,000 documents)');
    expect(refused.stderr).toContain('pass --yes');
    expect(paths(backend)).not.toContain('/api/deploy2/start_push');
    const confirmed = await deploy(backend, project.dir, ['--yes']);
    expect(confirmed.code, confirmed.stderr).toBe(0);
  });

  test('a type error stops the push before finish_push', async () => {
    await using backend = await startFakeBackend();
    using project = createTestProject('convex-app');
    writeFileSync(
      path.join(project.functionsDir, 'typo.ts'),
      'export const n: number = "not a number";\n',
    );
    const { code, stderr } = await deploy(backend, project.dir, ['--typecheck', 'enable']);
    expect(code).toBe(1);
    expect(stderr).toContain(
      "typo.ts(1,14): error TS2322: Type 'string' is not assignable to type 'number'.",
    );
    expect(paths(backend)).toContain('/api/deploy2/start_push');
    expect(paths(backend)).not.toContain('/api/deploy2/finish_push');
  });

  test('--dry-run changes nothing', async () => {
    await using backend = await startFakeBackend();
    using project = createTestProject('convex-app');
    const { code, stderr } = await deploy(backend, project.dir, ['--dry-run']);
    expect(code, stderr).toBe(0);
    expect(stderr).toContain('Would have deployed functions to <url>');
    expect(backend.modules.size).toBe(0);
  });
});
