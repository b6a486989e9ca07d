import { existsSync } from 'node:fs';
import path from 'node:path';
import { CliError } from '../errors/cli-error.ts';

const EXTENSIONS = ['.ts', '.js', '.tsx', '.jsx', '.mts', '.mjs', '.cts', '.cjs'];

/**
 * The function path (`module:export`) that `selfhost run` was given, accepting what the official
 * CLI accepts: `messages:list`, `dir/file:fn`, `messages` (its default export), `api.messages.list`
 * / `internal.dir.file.fn`, and paths with the functions directory and an extension
 * (`convex/messages.ts:list`).
 *
 * @example
 * ```ts
 * parseFunctionName('api.dir.users.byEmail', '/app', 'convex/'); // 'dir/users:byEmail'
 * parseFunctionName('convex/messages.ts:list', '/app', 'convex/'); // 'messages:list'
 * ```
 */
export function parseFunctionName(name: string, cwd: string, functions: string): string {
  if (name.startsWith('api.') || name.startsWith('internal.')) {
    const parts = name.split('.');
    if (parts.length < 3)
      throw new CliError(
        'usage',
        `Function name has too few parts: "${name}" (e.g. api.messages.list).`,
      );
    const exportName = parts.pop() ?? '';
    return `${parts.slice(1).join('/')}:${exportName}`;
  }
  const [filePath = '', exportName = 'default'] = name.split(':');
  const extension = EXTENSIONS.find((candidate) => filePath.endsWith(candidate));
  const modulePath = extension === undefined ? filePath : filePath.slice(0, -extension.length);
  const prefix = functions.endsWith('/') ? functions : `${functions}/`;
  if (!modulePath.startsWith(prefix)) return `${modulePath}:${exportName}`;
  // `convex/foo` could name `foo` or a module `convex/foo` inside the functions directory.
  const functionsDir = path.join(cwd, functions);
  const nested =
    extension === undefined
      ? EXTENSIONS.some((candidate) => existsSync(path.join(functionsDir, filePath + candidate)))
      : existsSync(path.join(functionsDir, filePath));
  return nested
    ? `${modulePath}:${exportName}`
    : `${modulePath.slice(prefix.length)}:${exportName}`;
}
