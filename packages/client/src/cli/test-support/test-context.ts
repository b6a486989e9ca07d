import * as esbuild from 'esbuild';
import type { CliContext, EsbuildApi } from '../cli-context.ts';
import { Reporter } from '../output/reporter.ts';

/**
 * A {@link CliContext} for tests, with output captured: no retries, no colors, no terminal
 * (unless `stdinIsTty`).
 *
 * @example
 * ```ts
 * const { ctx, stderr } = createTestContext({ cwd: project.dir });
 * expect(await runCli(['deploy'], ctx)).toBe(1);
 * expect(stderr()).toContain('Cannot reach');
 * ```
 */
export function createTestContext(options: {
  readonly cwd: string;
  readonly env?: Readonly<Record<string, string | undefined>>;
  readonly stdin?: string;
  /** Whether stdin is a terminal (default: no). */
  readonly stdinIsTty?: boolean;
  readonly esbuild?: EsbuildApi;
  readonly signal?: AbortSignal;
  readonly confirm?: (question: string) => Promise<boolean>;
}): { ctx: CliContext; stdout: () => string; stderr: () => string } {
  let stdout = '';
  let stderr = '';
  const reporter = new Reporter({
    stdout: (text) => (stdout += text),
    stderr: (text) => (stderr += text),
    colors: false,
    stdoutIsTty: false,
  });
  const ctx: CliContext = {
    cwd: options.cwd,
    env: options.env ?? {},
    reporter,
    fetch: globalThis.fetch,
    retryDelaysMs: [],
    esbuild: options.esbuild ?? esbuild,
    signal: options.signal ?? new AbortController().signal,
    stdin: {
      isTty: options.stdinIsTty ?? false,
      readAll: () => Promise.resolve(options.stdin ?? ''),
    },
    confirm: options.confirm ?? (() => Promise.resolve(false)),
  };
  return { ctx, stdout: () => stdout, stderr: () => stderr };
}
