import {
  cpSync,
  mkdirSync,
  mkdtempSync,
  realpathSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const packageDir = path.resolve(import.meta.dirname, '../../..');
const fixturesDir = path.join(import.meta.dirname, 'fixtures');

/**
 * The fixture apps under `fixtures/`: `convex-app` is written against the official `convex`
 * package, the others against `@selfhost/client`; `sync-app` is the one the sync and React
 * end-to-end tests deploy.
 *
 * @example
 * ```ts
 * const name: FixtureName = 'sync-app';
 * ```
 */
export type FixtureName = 'convex-app' | 'selfhost-app' | 'sync-app';

/**
 * A throwaway copy of a fixture app in a temporary directory, ready for a CLI to run in.
 *
 * @example
 * ```ts
 * using project = createTestProject('convex-app');
 * ```
 */
export interface TestProject extends Disposable {
  readonly dir: string;
  readonly functionsDir: string;
}

/**
 * Copies `fixtures/<name>` to a new temporary project with a `package.json` depending on the
 * fixture's library and `node_modules` links to this repository's copies of `convex`,
 * `@selfhost/client` (this package), `typescript` and `@types/node`, and a `convex/tsconfig.json`
 * (written here rather than committed, so that inside the repository the fixtures are checked
 * by the package's own tsconfig). The committed `_generated/` is left out unless `keepGenerated`.
 *
 * @example
 * ```ts
 * using project = createTestProject('selfhost-app');
 * await runCli(['codegen'], createTestContext({ cwd: project.dir }).ctx);
 * ```
 */
export function createTestProject(
  name: FixtureName,
  options: { readonly keepGenerated?: boolean } = {},
): TestProject {
  const dir = realpathSync(mkdtempSync(path.join(tmpdir(), `selfhost-cli-${name}-`)));
  cpSync(path.join(fixturesDir, name), dir, {
    recursive: true,
    filter: (source) => options.keepGenerated === true || path.basename(source) !== '_generated',
  });
  const dependency = name === 'convex-app' ? { convex: '1.48.0' } : { '@selfhost/client': '0.0.0' };
  writeFileSync(
    path.join(dir, 'package.json'),
    `${JSON.stringify({ name, private: true, type: 'module', dependencies: dependency }, null, 2)}\n`,
  );
  writeFileSync(
    path.join(dir, 'convex', 'tsconfig.json'),
    `${JSON.stringify(functionsTsconfig(name), null, 2)}\n`,
  );
  const link = (target: string, linkName: string) => {
    mkdirSync(path.dirname(path.join(dir, 'node_modules', linkName)), { recursive: true });
    symlinkSync(target, path.join(dir, 'node_modules', linkName), 'dir');
  };
  link(path.join(packageDir, 'node_modules', 'convex'), 'convex');
  link(path.join(packageDir, 'node_modules', 'typescript'), 'typescript');
  link(path.join(packageDir, 'node_modules', '@types', 'node'), '@types/node');
  if (name !== 'convex-app') link(packageDir, '@selfhost/client');
  return {
    dir,
    functionsDir: path.join(dir, 'convex'),
    [Symbol.dispose]: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/**
 * The path of the official `convex` CLI's entry point in this repository.
 *
 * @example
 * ```ts
 * spawnSync(process.execPath, [OFFICIAL_CLI, 'deploy', …]);
 * ```
 */
export const OFFICIAL_CLI = path.join(packageDir, 'node_modules', 'convex', 'bin', 'main.js');

/**
 * The entry point of this package's `selfhost` executable.
 *
 * @example
 * ```ts
 * spawn(process.execPath, [SELFHOST_BIN, 'deploy'], { cwd: project.dir });
 * ```
 */
export const SELFHOST_BIN = path.join(packageDir, 'bin', 'selfhost.js');

/**
 * The tsconfig `tsc` checks a test project's functions with: the usual one for Convex functions;
 * for `@selfhost/client` apps it also resolves the workspace sources (`@selfhost/source`), with
 * Node's globals instead of the DOM library (our sources are written against those).
 */
function functionsTsconfig(name: FixtureName): object {
  const compilerOptions: Record<string, unknown> = {
    allowJs: true,
    strict: true,
    moduleResolution: 'Bundler',
    skipLibCheck: true,
    target: 'ESNext',
    lib: name === 'convex-app' ? ['ES2023', 'dom'] : ['ES2023'],
    types: ['node'],
    module: 'ESNext',
    isolatedModules: true,
    noEmit: true,
  };
  if (name !== 'convex-app') {
    compilerOptions['customConditions'] = ['@selfhost/source'];
    compilerOptions['allowImportingTsExtensions'] = true;
  }
  return { compilerOptions, include: ['./**/*'], exclude: ['./_generated'] };
}
