import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';

const appDir = path.resolve(import.meta.dirname, '../..');
const run = promisify(execFile);

/**
 * Runs this app's `selfhost` CLI (the package's `bin`, from `node_modules/.bin`) in the app's
 * directory, as `pnpm exec selfhost …` would, and returns its output; throws with the output
 * when it exits non-zero.
 *
 * @example
 * ```ts
 * await runSelfhost(['deploy', '--url', backend.url, '--admin-key', backend.adminKey]);
 * ```
 */
export async function runSelfhost(args: readonly string[]): Promise<string> {
  try {
    const { stdout, stderr } = await run(path.join(appDir, 'node_modules/.bin/selfhost'), args, {
      cwd: appDir,
      env: { PATH: process.env['PATH'], HOME: process.env['HOME'], NO_COLOR: '1' },
      timeout: 120_000,
    });
    return stdout + stderr;
  } catch (error) {
    const failure = error as { stdout?: string; stderr?: string; message: string };
    throw new Error(
      `selfhost ${args.join(' ')} failed: ${failure.message}\n${failure.stdout ?? ''}${failure.stderr ?? ''}`,
      { cause: error },
    );
  }
}
