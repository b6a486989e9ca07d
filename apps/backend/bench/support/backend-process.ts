// Starting the backend executable and deploying the bench app, for the benchmarks (plain Node).
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { cp, mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';

const appDir = path.join(import.meta.dirname, '..', 'app');
const bin = path.join(import.meta.dirname, '..', '..', 'bin', 'selfhost-backend.js');

/** A running backend process. */
export interface BenchBackend {
  readonly child: ChildProcess;
  readonly url: string;
  readonly adminKey: string;
  /** Milliseconds from spawn to the first `GET /version` answered 200. */
  readonly firstVersionMs: number;
  stop(): Promise<void>;
}

/**
 * Spawns the executable the way its shebang runs it (`node --no-node-snapshot
 * --conditions=@selfhost/source bin/selfhost-backend.js`, so no re-exec) and times the first
 * `/version` 200, polling every 2 ms.
 *
 * @example
 * const backend = await startBenchBackend({ dataDir, port: 3310, sitePort: 3311 });
 */
export async function startBenchBackend(options: { dataDir: string; port: number; sitePort: number; env?: Record<string, string> }): Promise<BenchBackend> {
  const started = performance.now();
  const child = spawn(
    process.execPath,
    ['--no-node-snapshot', '--conditions=@selfhost/source', bin, '--interface', '127.0.0.1', '--port', String(options.port), '--site-proxy-port', String(options.sitePort), '--data-dir', options.dataDir, '--disable-beacon'],
    { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...options.env } },
  );
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const url = `http://127.0.0.1:${options.port}`;
  let firstVersionMs = -1;
  while (firstVersionMs < 0) {
    if (child.exitCode !== null || performance.now() - started > 60_000) throw new Error(`the backend did not start:\n${output}`);
    try {
      const response = await fetch(`${url}/version`);
      await response.arrayBuffer();
      if (response.status === 200) firstVersionMs = performance.now() - started;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 2));
    }
  }
  while (!/admin key:\s+\S+/.test(output)) await new Promise((resolve) => setTimeout(resolve, 5));
  const adminKey = /admin key:\s+(\S+)/.exec(output)![1]!;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return {
    child,
    url,
    adminKey,
    firstVersionMs,
    stop: async () => {
      child.kill('SIGTERM');
      await exited;
    },
  };
}

/**
 * Deploys `bench/app` with the official `convex` CLI (`convex deploy`), as a user would.
 *
 * @example
 * await deployBenchApp(backend);
 */
export async function deployBenchApp(backend: Pick<BenchBackend, 'url' | 'adminKey'>): Promise<void> {
  const convexDir = path.dirname(createRequire(import.meta.url).resolve('convex/package.json'));
  const project = await mkdtemp(path.join(tmpdir(), 'selfhost-bench-app-'));
  await cp(path.join(appDir, 'convex'), path.join(project, 'convex'), { recursive: true });
  await mkdir(path.join(project, 'node_modules'));
  await symlink(convexDir, path.join(project, 'node_modules', 'convex'), 'dir');
  await writeFile(path.join(project, 'package.json'), JSON.stringify({ name: 'bench-app', private: true, dependencies: { convex: '1.48.0' } }));
  try {
    const result = spawnSync(process.execPath, [path.join(convexDir, 'bin', 'main.js'), 'deploy', '--yes', '--typecheck', 'disable'], {
      cwd: project,
      env: { ...process.env, CI: '1', CONVEX_SELF_HOSTED_URL: backend.url, CONVEX_SELF_HOSTED_ADMIN_KEY: backend.adminKey, CONVEX_DEPLOYMENT: '' },
      encoding: 'utf8',
    });
    if (result.status !== 0) throw new Error(`convex deploy failed:\n${result.stdout}\n${result.stderr}`);
  } finally {
    await rm(project, { recursive: true, force: true });
  }
}

/** The resident set size of a process, in MiB (Linux `/proc`). */
export function rssMiB(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kib = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? Number.NaN);
  return kib / 1024;
}

/** The median of some numbers. */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}
