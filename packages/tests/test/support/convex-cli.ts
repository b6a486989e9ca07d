import { spawn, type ChildProcess } from 'node:child_process';
import { cp, mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';

const convexPackageDir = path.dirname(createRequire(import.meta.url).resolve('convex/package.json'));
const fixtureDir = path.join(import.meta.dirname, '..', '..', 'fixture-app');

/** What one CLI run printed and how it exited. */
export interface CliResult {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
  /** stdout and stderr together, for messages. */
  readonly output: string;
}

/** A throw-away copy of the fixture app, set up as a user's project for the official CLI. */
export interface CliProject {
  readonly dir: string;
  /** Runs `convex <args>` in the project against the backend; resolves whatever the exit code. */
  run(args: readonly string[], options?: { readonly timeoutMs?: number }): Promise<CliResult>;
  /** Like `run`, but throws with the output when the CLI fails. */
  ok(args: readonly string[]): Promise<CliResult>;
  /** Starts a long-running command (`convex logs`). */
  spawn(args: readonly string[]): { readonly child: ChildProcess; output(): string };
  /** Writes (or, with `null`, deletes) a file under `convex/`. */
  writeModule(relativePath: string, source: string | null): Promise<void>;
  remove(): Promise<void>;
}

/**
 * Copies `fixture-app/` to a temporary directory whose `node_modules/convex` links to the
 * workspace's copy of the official package, with a `package.json` that lists it (the CLI
 * requires that), and runs the real CLI there with `CI=1`, passing the self-hosted URL and key
 * as `--url` and `--admin-key` (nothing in the environment or in `.env.local` to fall back on).
 *
 * @example
 * const project = await createCliProject({ url, adminKey });
 * await project.ok(['deploy', '--yes', '--typecheck', 'disable']);
 */
export async function createCliProject(backend: { readonly url: string; readonly adminKey: string }): Promise<CliProject> {
  const dir = await mkdtemp(path.join(tmpdir(), 'selfhost-cli-'));
  await cp(path.join(fixtureDir, 'convex'), path.join(dir, 'convex'), { recursive: true, filter: (source) => !source.includes('_generated') });
  await mkdir(path.join(dir, 'node_modules'));
  await symlink(convexPackageDir, path.join(dir, 'node_modules', 'convex'), 'dir');
  await writeFile(path.join(dir, 'package.json'), JSON.stringify({ name: 'selfhost-acceptance-app', private: true, type: 'module', dependencies: { convex: '1.48.0' } }));
  const env = {
    ...process.env,
    CI: '1',
    CONVEX_SELF_HOSTED_URL: '',
    CONVEX_SELF_HOSTED_ADMIN_KEY: '',
    CONVEX_DEPLOYMENT: '',
    CONVEX_DEPLOY_KEY: '',
    NO_COLOR: '1',
  };
  const cli = path.join(convexPackageDir, 'bin', 'main.js');
  const start = (args: readonly string[]) => {
    const child = spawn(process.execPath, [cli, ...args, '--url', backend.url, '--admin-key', backend.adminKey], { cwd: dir, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    return { child, stdout: () => stdout, stderr: () => stderr };
  };
  const run = (args: readonly string[], options: { readonly timeoutMs?: number } = {}) =>
    new Promise<CliResult>((resolve) => {
      const started = start(args);
      const timer = setTimeout(() => started.child.kill('SIGKILL'), options.timeoutMs ?? 120_000);
      started.child.once('exit', (code) => {
        clearTimeout(timer);
        resolve({ code, stdout: started.stdout(), stderr: started.stderr(), output: `${started.stdout()}\n${started.stderr()}` });
      });
    });
  return {
    dir,
    run,
    ok: async (args) => {
      const result = await run(args);
      if (result.code !== 0) throw new Error(`convex ${args.join(' ')} exited with ${result.code}:\n${result.output}`);
      return result;
    },
    spawn: (args) => {
      const started = start(args);
      return { child: started.child, output: () => `${started.stdout()}\n${started.stderr()}` };
    },
    writeModule: async (relativePath, source) => {
      const file = path.join(dir, 'convex', relativePath);
      if (source === null) await rm(file, { force: true });
      else await writeFile(file, source);
    },
    remove: () => rm(dir, { recursive: true, force: true }),
  };
}
