import { readFileSync } from 'node:fs';
import path from 'node:path';
import { CliError } from '../errors/cli-error.ts';
import { parseDotenv } from './parse-dotenv.ts';

/**
 * The variables of the project's env files, most important first: `--env-file <path>` alone when
 * given (it must exist), otherwise `.env.local` then `.env` in the project directory (missing
 * files are skipped) — the files the official CLI reads.
 *
 * @example
 * ```ts
 * const files = readEnvFiles('/app', undefined); // [{ file: '/app/.env.local', values: { … } }]
 * ```
 */
export function readEnvFiles(
  cwd: string,
  envFile: string | undefined,
): { readonly file: string; readonly values: Record<string, string> }[] {
  if (envFile !== undefined) {
    const file = path.resolve(cwd, envFile);
    const text = readTextIfExists(file);
    if (text === undefined) {
      throw new CliError('config', `The env file ${file} (from --env-file) does not exist.`);
    }
    return [{ file, values: parseDotenv(text) }];
  }
  const files = [];
  for (const name of ['.env.local', '.env']) {
    const file = path.join(cwd, name);
    const text = readTextIfExists(file);
    if (text !== undefined) files.push({ file, values: parseDotenv(text) });
  }
  return files;
}

function readTextIfExists(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new CliError('config', `Cannot read ${file}: ${(error as Error).message}`, {
      cause: error,
    });
  }
}
