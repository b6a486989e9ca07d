import { existsSync, readdirSync, readFileSync, type Dirent } from 'node:fs';
import path from 'node:path';
import { CliError } from '../errors/cli-error.ts';

/** The extensions esbuild loads as JS/TS; other files in the functions directory are not modules. */
const ENTRY_POINT_EXTENSIONS = ['.js', '.mjs', '.cjs', '.ts', '.tsx', '.mts', '.cts', '.jsx'];

/**
 * The function modules of a functions directory, as absolute paths in the order the official CLI
 * bundles them (directory walk with names sorted by UTF-16 code units). Like the official CLI it
 * skips `_generated/`, dotfiles, `#` editor files, `schema.*`, names with more than one dot
 * (`auth.config.ts`, `x.test.ts`), paths with spaces, directories holding a `convex.config.ts`,
 * and TypeScript files with no `import`/`export`; a file under `_deps/` is an error.
 *
 * @example
 * ```ts
 * findEntryPoints('/app/convex'); // ['/app/convex/dir/users.ts', '/app/convex/messages.ts']
 * ```
 */
export function findEntryPoints(functionsDir: string): string[] {
  const entryPoints: string[] = [];
  for (const file of walkFiles(functionsDir)) {
    const relPath = path.relative(functionsDir, file);
    const base = path.basename(file);
    if (relPath.startsWith(`_deps${path.sep}`)) {
      throw new CliError(
        'project',
        `The path "${file}" is within the "_deps" directory, which is reserved for dependencies. Move your code to another directory.`,
      );
    }
    if (!ENTRY_POINT_EXTENSIONS.some((extension) => relPath.endsWith(extension))) continue;
    if (relPath.startsWith(`_generated${path.sep}`)) continue;
    if (base.startsWith('.') || base.startsWith('#')) continue;
    if (base === 'schema.ts' || base === 'schema.js') continue;
    if ((base.match(/\./g) ?? []).length > 1) continue;
    if (relPath.includes(' ')) continue;
    entryPoints.push(file);
  }
  return entryPoints.filter(
    (file) =>
      !(file.endsWith('.ts') || file.endsWith('.tsx')) ||
      /^\s{0,100}(import|export)/m.test(readFileSync(file, 'utf8')),
  );
}

function* walkFiles(dir: string): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort(byCodeUnits)) {
    const child = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      // A directory with its own convex.config.ts is a component: not part of this app.
      if (existsSync(path.join(child, 'convex.config.ts'))) continue;
      yield* walkFiles(child);
    } else if (entry.isFile()) {
      yield child;
    }
  }
}

function byCodeUnits(a: Dirent, b: Dirent): number {
  const length = Math.min(a.name.length, b.name.length);
  for (let i = 0; i < length; i++) {
    const difference = a.name.charCodeAt(i) - b.name.charCodeAt(i);
    if (difference !== 0) return difference;
  }
  return a.name.length - b.name.length;
}
