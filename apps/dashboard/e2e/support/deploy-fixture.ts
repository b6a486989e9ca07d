import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';

const dashboardDir = path.resolve(import.meta.dirname, '..', '..');
const run = promisify(execFile);

/**
 * Deploys `e2e/fixture-app` with the official `convex` CLI, as a user would:
 * `CI=1 convex deploy --yes --url … --admin-key … --typecheck disable --codegen disable` (so the
 * test writes no `convex/_generated/` into the source tree).
 *
 * @example
 * await deployFixture(backend.url, backend.adminKey);
 */
export async function deployFixture(url: string, adminKey: string): Promise<string> {
  const cli = path.join(dashboardDir, 'node_modules/.bin/convex');
  try {
    const { stdout, stderr } = await run(cli, ['deploy', '--yes', '--url', url, '--admin-key', adminKey, '--typecheck', 'disable', '--codegen', 'disable'], {
      cwd: path.join(dashboardDir, 'e2e/fixture-app'),
      env: { ...process.env, CI: '1', CONVEX_DEPLOY_KEY: '', CONVEX_DEPLOYMENT: '' },
      timeout: 180_000,
    });
    return stdout + stderr;
  } catch (error) {
    const failure = error as { stdout?: string; stderr?: string; message: string };
    throw new Error(`convex deploy failed: ${failure.message}\n${failure.stdout ?? ''}\n${failure.stderr ?? ''}`, { cause: error });
  }
}
