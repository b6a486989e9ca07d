import { spawn } from 'node:child_process';
import { realpathSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { EsbuildApi } from '../cli-context.ts';
import { OFFICIAL_CLI } from './test-project.ts';

/**
 * Runs the official `convex` CLI (this repository's `convex` devDependency) in `cwd`, without a
 * terminal (`CI=1`), and collects its output. Asynchronous, so an in-process fake backend can
 * answer it.
 *
 * @example
 * ```ts
 * const { code } = await runOfficialCli(['deploy', '--url', backend.url, '--admin-key', backend.adminKey], project.dir);
 * ```
 */
export async function runOfficialCli(
  args: readonly string[],
  cwd: string,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return await new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [OFFICIAL_CLI, ...args], {
      cwd,
      env: {
        PATH: process.env['PATH'],
        HOME: process.env['HOME'],
        CI: '1',
        CONVEX_TELEMETRY_DISABLED: '1',
      },
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

/**
 * The esbuild the official CLI bundles with (its own pinned dependency), for byte-for-byte
 * comparisons of bundles.
 *
 * @example
 * ```ts
 * const { ctx } = createTestContext({ cwd, esbuild: officialEsbuild() });
 * ```
 */
export function officialEsbuild(): EsbuildApi & { version: string } {
  const convexDir = realpathSync(path.dirname(path.dirname(OFFICIAL_CLI)));
  return createRequire(path.join(convexDir, 'package.json'))('esbuild') as EsbuildApi & {
    version: string;
  };
}
