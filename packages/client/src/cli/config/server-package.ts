import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { CliError } from '../errors/cli-error.ts';

/**
 * The library the project's functions are written with, which the generated `_generated/` files
 * import: `@selfhost/client` (`@selfhost/client/server`, `@selfhost/client/values`) or the
 * official `convex` package (`convex/server`, `convex/values`).
 *
 * @example
 * ```ts
 * const pkg: ServerPackage = { name: 'convex', server: 'convex/server', values: 'convex/values' };
 * ```
 */
export interface ServerPackage {
  readonly name: '@selfhost/client' | 'convex';
  readonly server: string;
  readonly values: string;
}

const SELFHOST: ServerPackage = {
  name: '@selfhost/client',
  server: '@selfhost/client/server',
  values: '@selfhost/client/values',
};
const CONVEX: ServerPackage = { name: 'convex', server: 'convex/server', values: 'convex/values' };

/**
 * Picks the library from the nearest `package.json`: `@selfhost/client` when it is a dependency
 * (even if `convex` is one too), else `convex`. Throws when neither is, since the functions
 * could not be bundled.
 *
 * @example
 * ```ts
 * detectServerPackage('/app').server; // '@selfhost/client/server'
 * ```
 */
export function detectServerPackage(cwd: string): ServerPackage {
  const dependencies = readDependencies(cwd);
  if ('@selfhost/client' in dependencies) return SELFHOST;
  if ('convex' in dependencies) return CONVEX;
  throw new CliError(
    'project',
    `Neither @selfhost/client nor convex is a dependency in ${findPackageJson(cwd) ?? path.join(cwd, 'package.json')}. Install one (npm install @selfhost/client) and run this command from the project's root.`,
  );
}

/**
 * The path of the nearest `package.json` at or above `cwd`, or `undefined`.
 *
 * @example
 * ```ts
 * findPackageJson('/app/src'); // '/app/package.json'
 * ```
 */
export function findPackageJson(cwd: string): string | undefined {
  let dir = path.resolve(cwd);
  for (;;) {
    const candidate = path.join(dir, 'package.json');
    if (existsSync(candidate)) return candidate;
    const parent = path.dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

/**
 * Every dependency name of the nearest `package.json` (all four dependency kinds) with its
 * version range.
 *
 * @example
 * ```ts
 * readDependencies('/app')['convex']; // '^1.48.0'
 * ```
 */
export function readDependencies(cwd: string): Record<string, string> {
  const file = findPackageJson(cwd);
  if (file === undefined) {
    throw new CliError(
      'project',
      `No package.json found in ${cwd} or above. Run this command from your project's root (create one with \`npm init -y\`).`,
    );
  }
  let json: Record<string, unknown>;
  try {
    json = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
  } catch (error) {
    throw new CliError('project', `Cannot parse ${file}: ${(error as Error).message}`, {
      cause: error,
    });
  }
  const result: Record<string, string> = {};
  for (const key of [
    'optionalDependencies',
    'peerDependencies',
    'devDependencies',
    'dependencies',
  ]) {
    const section = json[key];
    if (typeof section !== 'object' || section === null) continue;
    for (const [name, version] of Object.entries(section)) {
      if (typeof version === 'string') result[name] = version;
    }
  }
  return result;
}
