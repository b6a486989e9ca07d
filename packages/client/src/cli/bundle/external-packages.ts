import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { NodeDependency } from '@selfhost/protocol';
import type { Plugin } from 'esbuild';
import { CliError } from '../errors/cli-error.ts';
import { findPackageJson } from '../config/server-package.ts';

/**
 * The npm packages `"use node"` modules import without bundling them (`node.externalPackages` in
 * `convex.json`; `"*"` means all), by name, with their install directory. Like the official
 * CLI: only dependencies of the project's `package.json` that are installed next to it, never
 * `convex`, and never `file:`, `http(s):` or `git…:` dependencies (those are bundled).
 *
 * @example
 * ```ts
 * availableExternalPackages('/app', ['sharp']); // Map { 'sharp' => '/app/node_modules/sharp' }
 * ```
 */
export function availableExternalPackages(
  cwd: string,
  allowList: readonly string[],
): Map<string, string> {
  const packages = new Map<string, string>();
  if (allowList.length === 0) return packages;
  const packageJsonPath = findPackageJson(cwd);
  if (packageJsonPath === undefined) return packages;
  const json = JSON.parse(readFileSync(packageJsonPath, 'utf8')) as Record<
    string,
    Record<string, unknown> | undefined
  >;
  for (const key of [
    'dependencies',
    'devDependencies',
    'peerDependencies',
    'optionalDependencies',
  ]) {
    for (const [name, version] of Object.entries(json[key] ?? {})) {
      if (packages.has(name) || typeof version !== 'string') continue;
      if (!shouldMarkExternal(name, version, allowList)) continue;
      const dir = path.join(
        path.dirname(packageJsonPath),
        'node_modules',
        ...moduleOf(name).dirParts,
      );
      if (existsSync(dir)) packages.set(name, dir);
    }
  }
  return packages;
}

function shouldMarkExternal(name: string, version: string, allowList: readonly string[]): boolean {
  if (name === 'convex') return false;
  if (/^(file:|git\+file:\/\/|https?:\/\/|git:\/\/|git\+ssh:\/\/|git\+https?:\/\/)/.test(version))
    return false;
  return allowList.includes(name) || allowList.includes('*');
}

function moduleOf(importPath: string): { name: string; dirParts: string[] } {
  const parts = importPath.split('/');
  if (importPath.startsWith('@')) {
    const dirParts = [parts[0] ?? '', parts[1] ?? ''];
    return { name: dirParts.join('/'), dirParts };
  }
  const name = parts[0] ?? '';
  return { name, dirParts: [name] };
}

/**
 * An esbuild plugin that leaves imports of the available external packages as imports (when
 * they resolve to the installed copy) and records which were used.
 *
 * @example
 * ```ts
 * const externals = externalsPlugin(availableExternalPackages(cwd, ['sharp']));
 * await build({ plugins: [externals.plugin] });
 * externals.used; // Set { 'sharp' }
 * ```
 */
export function externalsPlugin(packages: ReadonlyMap<string, string>): {
  plugin: Plugin;
  used: Set<string>;
} {
  const used = new Set<string>();
  const plugin: Plugin = {
    name: 'convex-node-externals',
    setup(build) {
      build.onResolve({ namespace: 'file', filter: /.*/ }, (args) => {
        if (args.path.startsWith('.')) return null;
        const { name, dirParts } = moduleOf(args.path);
        const installed = packages.get(name);
        if (installed !== undefined && resolveNodeModule(dirParts, args.resolveDir) === installed) {
          used.add(name);
          return { path: args.path, external: true };
        }
        return null;
      });
    },
  };
  return { plugin, used };
}

/** Node's lookup of `node_modules/<dirParts>` from `resolveDir` upwards. */
function resolveNodeModule(dirParts: readonly string[], resolveDir: string): string | undefined {
  let dir = resolveDir;
  for (;;) {
    const candidate = path.join(dir, 'node_modules', ...dirParts);
    if (existsSync(path.join(dir, 'node_modules')) && existsSync(candidate)) return candidate;
    const parent = path.dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

/**
 * The exact installed versions of the external packages the bundle imports, plus their peer and
 * optional dependencies that are external too — what the server installs (`nodeDependencies`).
 *
 * @example
 * ```ts
 * nodeDependencies(packages, new Set(['sharp'])); // [{ name: 'sharp', version: '0.33.5' }]
 * ```
 */
export function nodeDependencies(
  packages: ReadonlyMap<string, string>,
  used: ReadonlySet<string>,
): NodeDependency[] {
  const queue = [...used];
  const seen = new Set(used);
  const result: NodeDependency[] = [];
  for (let i = 0; i < queue.length; i++) {
    const name = queue[i] ?? '';
    const dir = packages.get(name) ?? '';
    const manifestPath = path.join(dir, 'package.json');
    let manifest: Record<string, unknown>;
    try {
      manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as Record<string, unknown>;
    } catch {
      throw new CliError(
        'project',
        `Missing ${manifestPath}, which is needed to install the external package "${name}" listed in convex.json.`,
      );
    }
    if (typeof manifest['version'] !== 'string') {
      throw new CliError(
        'project',
        `${manifestPath} has no "version", which is needed to install the external package "${name}".`,
      );
    }
    result.push({ name, version: manifest['version'] });
    for (const key of ['peerDependencies', 'optionalDependencies']) {
      for (const dependency of Object.keys((manifest[key] as object | undefined) ?? {})) {
        if (packages.has(dependency) && !seen.has(dependency)) {
          seen.add(dependency);
          queue.push(dependency);
        }
      }
    }
  }
  return result;
}
