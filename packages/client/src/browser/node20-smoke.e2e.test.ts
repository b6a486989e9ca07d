// Issue 8 asks that the browser clients work on Node 20 with `ws`. The repository itself runs on
// Node 24 (type stripping), so this test builds the package (`dist/`, as `pnpm build` does) and
// runs it with the machine's Node 20 (`/usr/bin/node`) against a real backend: the built CLI
// deploys the `sync-app` fixture, then a `ConvexClient` over `ws` sees its own message in a
// subscription and `ConvexHttpClient` reads it.
import { execFile, execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { spawnBackend, type SpawnedBackend } from '../cli/test-support/spawn-backend.ts';
import { createTestProject } from '../cli/test-support/test-project.ts';

const node20 = '/usr/bin/node';
const packageDir = path.resolve(import.meta.dirname, '../..');
const clientScript = path.join(import.meta.dirname, 'test-support/node20-client.mjs');
const cliScript = path.join(import.meta.dirname, 'test-support/node20-cli.mjs');
const run = promisify(execFile);

function node20Version(): string | undefined {
  if (!existsSync(node20)) return undefined;
  return execFileSync(node20, ['--version'], { encoding: 'utf8' }).trim();
}

const version = node20Version();
const missing = version?.startsWith('v20.') !== true;
if (missing && process.env['CI'] === undefined) {
  // Loud on purpose: a skipped smoke test must not pass unnoticed on a developer machine.
  console.warn(
    `\n!!! SKIPPED the Node 20 smoke test: ${node20} is ${version ?? 'missing'}, not Node 20. ` +
      'Install Node 20 at /usr/bin/node (e.g. Debian/Ubuntu `nodejs`) to run it. In CI it fails instead.\n',
  );
}

describe.skipIf(missing && process.env['CI'] === undefined)('the built client on Node 20', () => {
  let backend: SpawnedBackend;
  beforeAll(async () => {
    // `pnpm build` of this package and the workspace packages it depends on (topological order).
    await run('pnpm', ['--filter', '@selfhost/client...', 'run', 'build'], { cwd: packageDir });
    backend = await spawnBackend();
  }, 300_000);
  afterAll(async () => {
    await backend.stop();
  });

  test('the built CLI deploys an app; a ConvexClient on `ws` and a ConvexHttpClient see a query result', async () => {
    expect(version, `${node20} must be Node 20`).toMatch(/^v20\./);
    using project = createTestProject('sync-app');
    const args = ['deploy', '--url', backend.url, '--admin-key', backend.adminKey];
    const { stderr } = await run(node20, [cliScript, ...args, '--typecheck', 'disable'], {
      cwd: project.dir,
      env: { PATH: process.env['PATH'], HOME: process.env['HOME'], NO_COLOR: '1' },
    });
    expect(stderr).toContain(`Deployed functions to ${backend.url}`);

    const { stdout } = await run(node20, [clientScript, backend.url, 'node20'], {
      cwd: packageDir,
      timeout: 60_000,
    });
    const body = `hello from Node ${version?.slice(1)}`;
    expect(JSON.parse(stdout)).toEqual({ node: version, subscription: [body], http: [body] });
  });
});
