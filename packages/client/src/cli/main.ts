import { createInterface } from 'node:readline/promises';
import type { CliContext } from './cli-context.ts';
import { Reporter } from './output/reporter.ts';
import { runCli } from './run-cli.ts';

/**
 * The `selfhost` executable (`bin/selfhost.js`): runs `argv` with the real process — its
 * streams, environment, working directory and `fetch` — and returns the exit code. Ctrl-C stops
 * long-running commands (`dev`, `logs`) cleanly; a second Ctrl-C exits at once.
 *
 * @example
 * ```ts
 * process.exitCode = await main(process.argv.slice(2));
 * ```
 */
export async function main(argv: readonly string[]): Promise<number> {
  const colors =
    process.stderr.isTTY && process.env['NO_COLOR'] === undefined && process.env['TERM'] !== 'dumb';
  const reporter = new Reporter({
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    colors,
    stdoutIsTty: process.stdout.isTTY,
  });
  const controller = new AbortController();
  const onInterrupt = () => {
    if (controller.signal.aborted) process.exit(130);
    controller.abort();
  };
  process.on('SIGINT', onInterrupt);
  process.on('SIGTERM', onInterrupt);
  const ctx: CliContext = {
    cwd: process.cwd(),
    env: process.env,
    reporter,
    fetch: globalThis.fetch,
    retryDelaysMs: [250, 500, 1000, 2000],
    esbuild: await import('esbuild'),
    signal: controller.signal,
    stdin: {
      isTty: process.stdin.isTTY,
      readAll: async () => {
        let text = '';
        for await (const chunk of process.stdin) text += String(chunk);
        return text;
      },
    },
    confirm: async (question) => {
      const readline = createInterface({ input: process.stdin, output: process.stderr });
      try {
        const answer = await readline.question(`${question} (y/N) `);
        return /^y(es)?$/i.test(answer.trim());
      } finally {
        readline.close();
      }
    },
  };
  try {
    return await runCli(argv, ctx);
  } finally {
    process.off('SIGINT', onInterrupt);
    process.off('SIGTERM', onInterrupt);
  }
}
