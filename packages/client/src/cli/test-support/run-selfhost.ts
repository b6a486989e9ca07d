import { spawn } from 'node:child_process';
import { SELFHOST_BIN } from './test-project.ts';

/**
 * What a finished CLI process left: its exit code and output.
 *
 * @example
 * ```ts
 * const { code, stderr }: CliRun = await runSelfhost(['deploy'], project.dir);
 * ```
 */
export interface CliRun {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * Runs the real `selfhost` executable (`bin/selfhost.js`, from source) in `cwd` as a separate
 * process, with a minimal environment and no colors, and collects its output.
 *
 * @example
 * ```ts
 * const deployed = await runSelfhost(['deploy', '--url', url, '--admin-key', key], project.dir);
 * expect(deployed.code, deployed.stderr).toBe(0);
 * ```
 */
export async function runSelfhost(args: readonly string[], cwd: string): Promise<CliRun> {
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
