import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { CliError } from '../errors/cli-error.ts';
import type { Reporter } from '../output/reporter.ts';

/**
 * `--typecheck`: `enable` fails the command when `tsc` finds errors or cannot run; `try` (the
 * default) fails on errors but skips when TypeScript or `convex/tsconfig.json` is missing;
 * `disable` never runs it.
 *
 * @example
 * ```ts
 * const mode: TypecheckMode = 'try';
 * ```
 */
export type TypecheckMode = 'enable' | 'try' | 'disable';

/**
 * Runs `tsc --noEmit --project <functions dir>` with the project's own TypeScript, like the
 * official CLI, and throws a `typecheck` error holding tsc's output when it finds errors.
 *
 * @example
 * ```ts
 * await runTypecheck({ cwd, functionsDir, mode: 'enable', reporter });
 * ```
 */
export async function runTypecheck(options: {
  readonly cwd: string;
  readonly functionsDir: string;
  readonly mode: TypecheckMode;
  readonly reporter: Reporter;
}): Promise<void> {
  const { cwd, functionsDir, mode, reporter } = options;
  if (mode === 'disable') return;
  const relDir = path.relative(cwd, functionsDir) || '.';
  const cannot = (why: string) => {
    if (mode === 'enable')
      throw new CliError('typecheck', `${why} Or pass --typecheck=disable to skip type checking.`);
    reporter.warn(`${why} Skipping the type check.`);
  };
  if (!existsSync(path.join(functionsDir, 'tsconfig.json'))) {
    return cannot(
      `Found no ${relDir}/tsconfig.json to type-check your functions with: \`selfhost init\` writes one.`,
    );
  }
  const tsc = findTsc(cwd);
  if (tsc === undefined)
    return cannot(
      'TypeScript is not installed in this project (npm install --save-dev typescript).',
    );
  reporter.progress('Type-checking your functions…');
  const { code, output } = await run(
    process.execPath,
    [tsc, '--noEmit', '--project', functionsDir, '--pretty', 'false'],
    cwd,
  );
  if (code === 0 || output.startsWith('error TS18003')) return;
  throw new CliError(
    'typecheck',
    `TypeScript found errors in your functions, so nothing was made live:\n\n${output.trimEnd()}\n\nFix them, or pass --typecheck=disable to push anyway.`,
  );
}

function findTsc(cwd: string): string | undefined {
  try {
    return createRequire(path.join(cwd, 'package.json')).resolve('typescript/bin/tsc');
  } catch {
    return undefined;
  }
}

async function run(
  command: string,
  args: readonly string[],
  cwd: string,
): Promise<{ code: number | null; output: string }> {
  return await new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, output }));
  });
}
