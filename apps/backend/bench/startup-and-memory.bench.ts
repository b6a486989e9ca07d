// `pnpm --filter @selfhost/backend bench`: cold start of the executable to the first
// `GET /version` 200 (target ≤ 500 ms, shared/PERFORMANCE.md) on a fresh data directory and on
// one with a deployed app, and the idle resident set size of the server process (target
// ≤ 80 MiB), beside a bare `node` process measured in the same run.
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { deployBenchApp, median, rssMiB, startBenchBackend } from './support/backend-process.ts';
import { freePort } from './support/free-port.ts';

const runs = Number(process.env['BENCH_RUNS'] ?? 5);
const work = await mkdtemp(path.join(tmpdir(), 'selfhost-startup-bench-'));

/** A bare Node process with the backend's flags, to show what Node itself costs. */
async function bareNode(): Promise<{ firstOutputMs: number; rss: number }> {
  const started = performance.now();
  const child = spawn(process.execPath, ['--no-node-snapshot', '-e', 'console.log("up"); setInterval(() => {}, 1000)'], { stdio: ['ignore', 'pipe', 'inherit'] });
  await new Promise<void>((resolve) => child.stdout.once('data', () => resolve()));
  const firstOutputMs = performance.now() - started;
  await new Promise((resolve) => setTimeout(resolve, 1000));
  const rss = rssMiB(child.pid!);
  child.kill();
  return { firstOutputMs, rss };
}

async function startAndStop(dataDir: string): Promise<number> {
  const backend = await startBenchBackend({ dataDir, port: await freePort(), sitePort: await freePort() });
  await backend.stop();
  return backend.firstVersionMs;
}

try {
  const bare = await bareNode();

  const fresh: number[] = [];
  for (let i = 0; i < runs; i += 1) fresh.push(await startAndStop(path.join(work, `fresh-${i}`)));

  // One data directory with the bench app deployed, restarted again and again.
  const deployedDir = path.join(work, 'deployed');
  const first = await startBenchBackend({ dataDir: deployedDir, port: await freePort(), sitePort: await freePort() });
  await deployBenchApp(first);
  await first.stop();
  const restarts: number[] = [];
  for (let i = 0; i < runs; i += 1) restarts.push(await startAndStop(deployedDir));

  // Idle RSS: started with the deployed app, a few requests answered, then left alone.
  const idle = await startBenchBackend({ dataDir: deployedDir, port: await freePort(), sitePort: await freePort() });
  const afterStart = rssMiB(idle.child.pid!);
  for (let i = 0; i < 200; i += 1) {
    const response = await fetch(`${idle.url}/api/query`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ path: 'bench:trivial', args: { n: i } }) });
    await response.arrayBuffer();
  }
  await new Promise((resolve) => setTimeout(resolve, 5000));
  const idleRss = rssMiB(idle.child.pid!);
  await idle.stop();

  const format = (values: number[]) => `median ${median(values).toFixed(0)} ms (min ${Math.min(...values).toFixed(0)}, max ${Math.max(...values).toFixed(0)}, ${values.length} runs)`;
  console.log(`bare node --no-node-snapshot: first output ${bare.firstOutputMs.toFixed(0)} ms, RSS ${bare.rss.toFixed(1)} MiB`);
  console.log(`cold start to /version 200, fresh data dir:     ${format(fresh)}   target ≤ 500 ms: ${median(fresh) <= 500 ? 'met' : 'MISSED'}`);
  console.log(`cold start to /version 200, deployed app:       ${format(restarts)}   target ≤ 500 ms: ${median(restarts) <= 500 ? 'met' : 'MISSED'}`);
  console.log(`RSS of the server process: ${afterStart.toFixed(1)} MiB after start, ${idleRss.toFixed(1)} MiB idle after 200 queries   target ≤ 80 MiB: ${idleRss <= 80 ? 'met' : 'MISSED'}`);
} finally {
  await rm(work, { recursive: true, force: true });
}
