// Fan-out: one commit → the last of N subscribers of one query, over real `ws` sockets on
// loopback, beside a raw `ws` broadcast of a same-size message to N clients (shared/PERFORMANCE.md:
// ≤ 2× the raw broadcast at 1,000; p99 ≤ 500 ms at 10,000; ≤ 20 KB RSS per idle connection).
//
// Each measurement runs in fresh processes: a server process (the sync engine with the test host
// over SQLite in memory, or a bare `ws` server) and a client process holding the N connections,
// so RSS deltas and CPU are not mixed up. Latency = time from starting the commit (or the
// broadcast) until the client process reports over IPC that every client has the message; the
// IPC hop is in both figures. N = 100 and 1,000; FANOUT_10K=1 adds 10,000.
import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { WebSocket, WebSocketServer } from 'ws';
import { SyncEngine } from '../src/sync-engine.ts';
import { TestHost } from '../src/test-support/test-host.ts';
import { serveSync } from '../src/test-support/ws-server.ts';

type Mode = 'sync' | 'raw';
interface ServerResult {
  readonly mode: Mode;
  readonly n: number;
  readonly p50: number;
  readonly p99: number;
  readonly rssPerConnectionKb: number;
  readonly heapPerConnectionKb: number;
  readonly messageBytes: number;
  readonly executionsPerCommit: number;
  /** Median server CPU (user + system) from the commit until the last client has the message. */
  readonly cpuMs: number;
}
type ToClient = {
  readonly cmd: 'connect';
  readonly url: string;
  readonly n: number;
  readonly mode: Mode;
};
type FromClient =
  | { readonly ready: true; readonly bytes: number }
  | { readonly done: number; readonly bytes: number };

const self = fileURLToPath(import.meta.url);
const role = process.argv[2] ?? 'main';
const nodeArgs = ['--conditions=@selfhost/source', '--no-node-snapshot', '--expose-gc'];

if (role === 'main') await main();
else if (role === 'server')
  await server(process.argv[3] as Mode, Number(process.argv[4]), Number(process.argv[5] ?? 0));
else if (role === 'clients') clients();

// --- Orchestrator -------------------------------------------------------------------------

async function main(): Promise<void> {
  const sizes = [100, 1000, ...(process.env['FANOUT_10K'] === '1' ? [10_000] : [])];
  const repetitions = Number(process.env['FANOUT_REPS'] ?? 3);
  console.log(
    `fan-out, ${repetitions} alternating runs per figure, medians (each run: fresh server and client processes)`,
  );
  for (const n of sizes) {
    const ours: ServerResult[] = [];
    const raw: ServerResult[] = [];
    for (let rep = 0; rep < (n >= 10_000 ? 1 : repetitions); rep++) {
      ours.push(await runServer('sync', n, 0));
      raw.push(await runServer('raw', n, ours.at(-1)!.messageBytes));
    }
    const m = (results: ServerResult[], pick: (r: ServerResult) => number) =>
      median(results.map(pick));
    const [sp50, sp99, rp50, rp99] = [
      m(ours, (r) => r.p50),
      m(ours, (r) => r.p99),
      m(raw, (r) => r.p50),
      m(raw, (r) => r.p99),
    ];
    console.log(
      `N=${String(n).padEnd(6)} commit→last client: sync p50 ${ms(sp50)} p99 ${ms(sp99)} | raw ws broadcast p50 ${ms(rp50)} p99 ${ms(rp99)} | ` +
        `ratio p50 ${(sp50 / rp50).toFixed(2)}× p99 ${(sp99 / rp99).toFixed(2)}×`,
    );
    const [scpu, rcpu] = [m(ours, (r) => r.cpuMs), m(raw, (r) => r.cpuMs)];
    console.log(
      `${' '.repeat(9)}server CPU per commit: sync ${ms(scpu)} | raw ws ${ms(rcpu)} | ratio ${(scpu / rcpu).toFixed(2)}×`,
    );
    console.log(
      `${' '.repeat(9)}per idle connection: RSS sync ${m(ours, (r) => r.rssPerConnectionKb).toFixed(1)} KB (raw ws ${m(raw, (r) => r.rssPerConnectionKb).toFixed(1)} KB), ` +
        `JS heap sync ${m(ours, (r) => r.heapPerConnectionKb).toFixed(1)} KB (raw ws ${m(raw, (r) => r.heapPerConnectionKb).toFixed(1)} KB) | ` +
        `${ours[0]!.messageBytes} B/Transition, ${m(ours, (r) => r.executionsPerCommit).toFixed(2)} query runs/commit`,
    );
  }
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)]!;
}

function runServer(mode: Mode, n: number, bytes: number): Promise<ServerResult> {
  return new Promise((resolve, reject) => {
    const child = fork(self, ['server', mode, String(n), String(bytes)], {
      execArgv: nodeArgs,
      stdio: 'inherit',
    });
    child.once('message', (result) => resolve(result as ServerResult));
    child.once('exit', (code) => {
      if (code !== 0) reject(new Error(`${mode} server for N=${n} exited with ${code}`));
    });
  });
}

function ms(value: number): string {
  return `${value.toFixed(1).padStart(6)} ms`;
}

// --- Server process -----------------------------------------------------------------------

async function server(mode: Mode, n: number, rawBytes: number): Promise<void> {
  const rounds = n >= 10_000 ? 30 : 100;
  const warmup = 10;
  let host: TestHost | null = null;
  let engine: SyncEngine | null = null;
  let url: string;
  let broadcast: (() => void) | null = null;
  let closeServer: () => Promise<void>;
  if (mode === 'sync') {
    host = await TestHost.open({
      queries: {
        'messages:latest': async ({ db }) => {
          const docs = await db
            .query({
              source: { type: 'FullTableScan', tableName: 'messages', order: 'desc' },
              operators: [{ limit: 10 }],
            })
            .collect();
          return docs.map((doc) => doc.value);
        },
      },
    });
    for (let i = 0; i < 10; i++) await insertMessage(host, i);
    engine = new SyncEngine({ host });
    const listening = await serveSync(engine);
    url = `ws://127.0.0.1:${listening.port}/api/1.48.0/sync`;
    closeServer = () => listening.close();
  } else {
    const wss = new WebSocketServer({ host: '127.0.0.1', port: 0, perMessageDeflate: false });
    await new Promise<void>((resolve) => wss.once('listening', resolve));
    const text = JSON.stringify({
      type: 'Transition',
      padding: 'x'.repeat(Math.max(0, rawBytes - 40)),
    });
    // Like a subscription's first Transition: every connection has written once before it idles.
    wss.on('connection', (ws) => ws.send(text));
    broadcast = () => {
      for (const ws of wss.clients) ws.send(text);
    };
    url = `ws://127.0.0.1:${(wss.address() as { port: number }).port}/`;
    closeServer = () => new Promise<void>((resolve) => wss.close(() => resolve()));
  }

  const before = await settledMemory();
  const client = fork(self, ['clients'], { execArgv: nodeArgs, stdio: 'inherit' });
  const messages = inbox(client);
  client.send({ cmd: 'connect', url, n, mode } satisfies ToClient);
  const ready = await messages.next();
  const after = await settledMemory();

  const latencies: number[] = [];
  const cpu: number[] = [];
  const executionsBefore = engine?.stats.queryExecutions ?? 0;
  let bytes = 'bytes' in ready ? ready.bytes : 0;
  for (let round = 1; round <= warmup + rounds; round++) {
    const start = performance.now();
    const cpuStart = process.cpuUsage();
    if (host !== null) await insertMessage(host, round + 10);
    else broadcast!();
    const done = await messages.next();
    const elapsed = performance.now() - start;
    const cpuUsed = process.cpuUsage(cpuStart);
    if (!('done' in done) || done.done !== round)
      throw new Error(`unexpected ${JSON.stringify(done)} in round ${round}`);
    bytes = done.bytes;
    if (round > warmup) {
      latencies.push(elapsed);
      cpu.push((cpuUsed.user + cpuUsed.system) / 1000);
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  const executions = (engine?.stats.queryExecutions ?? 0) - executionsBefore;
  latencies.sort((a, b) => a - b);
  cpu.sort((a, b) => a - b);
  const result: ServerResult = {
    mode,
    n,
    p50: percentile(latencies, 0.5),
    p99: percentile(latencies, 0.99),
    rssPerConnectionKb: (after.rss - before.rss) / n / 1024,
    heapPerConnectionKb: (after.heap - before.heap) / n / 1024,
    messageBytes: bytes,
    executionsPerCommit: executions / (warmup + rounds),
    cpuMs: percentile(cpu, 0.5),
  };
  client.kill();
  await engine?.stop();
  await closeServer();
  await host?.close();
  process.send!(result);
  process.exit(0);
}

async function insertMessage(host: TestHost, i: number): Promise<void> {
  await host.commit((tx) =>
    tx.insert('messages', {
      author: `user${i % 7}`,
      body: `message number ${i}: ${'lorem ipsum '.repeat(5)}`,
    }),
  );
}

async function settledMemory(): Promise<{ rss: number; heap: number }> {
  for (let i = 0; i < 3; i++) {
    globalThis.gc?.();
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  const usage = process.memoryUsage();
  return { rss: usage.rss, heap: usage.heapUsed };
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;
}

function inbox(child: ChildProcess): { next(): Promise<FromClient> } {
  const queue: FromClient[] = [];
  const waiting: ((message: FromClient) => void)[] = [];
  child.on('message', (message) => {
    const next = waiting.shift();
    if (next !== undefined) next(message as FromClient);
    else queue.push(message as FromClient);
  });
  return {
    next: () => {
      const queued = queue.shift();
      return queued !== undefined
        ? Promise.resolve(queued)
        : new Promise((resolve) => waiting.push(resolve));
    },
  };
}

// --- Client process -----------------------------------------------------------------------

function clients(): void {
  process.on('message', (message) => {
    const { url, n } = message as ToClient;
    void connectAll(url, n);
  });
}

async function connectAll(url: string, n: number): Promise<void> {
  const counts = new Uint32Array(n);
  const reached: number[] = [];
  let lastBytes = 0;
  let ready = 0;
  const onMessage = (i: number, data: Buffer): void => {
    // Only Transitions count (a keepalive Ping never arrives this soon, but be exact).
    if (data[9] !== 0x54 /* 'T' of {"type":"Transition" */) return;
    lastBytes = data.length;
    const k = ++counts[i]!;
    reached[k] = (reached[k] ?? 0) + 1;
    if (k === 1) {
      // The first message (initial query result, or the raw server's greeting) is setup.
      if (++ready === n) process.send!({ ready: true, bytes: lastBytes } satisfies FromClient);
      return;
    }
    const round = k - 1;
    if (reached[k] === n) process.send!({ done: round, bytes: lastBytes } satisfies FromClient);
  };
  const batch = 250;
  for (let start = 0; start < n; start += batch) {
    const opened: Promise<void>[] = [];
    for (let i = start; i < Math.min(n, start + batch); i++) {
      const ws = new WebSocket(url, { perMessageDeflate: false });
      ws.on('message', (data: Buffer) => onMessage(i, data));
      opened.push(
        new Promise((resolve, reject) => {
          ws.once('open', () => {
            // The raw server ignores them, but both servers receive the same frames.
            ws.send(
              JSON.stringify({
                type: 'Connect',
                sessionId: crypto.randomUUID(),
                connectionCount: 0,
                lastCloseReason: 'InitialConnect',
                clientTs: Date.now(),
              }),
            );
            ws.send(
              JSON.stringify({
                type: 'ModifyQuerySet',
                baseVersion: 0,
                newVersion: 1,
                modifications: [
                  { type: 'Add', queryId: 0, udfPath: 'messages:latest', args: [{}] },
                ],
              }),
            );
            resolve();
          });
          ws.once('error', reject);
        }),
      );
    }
    await Promise.all(opened);
  }
}
