// Sync through the FULL backend (node:http + ws edge, sync engine, function runner, SQLite in WAL
// mode with synchronous=FULL), shared/PERFORMANCE.md:
// - fan-out: one writer's mutation → the last of N subscribers of one query has the Transition
//   (N = 100, 1,000; SYNC_BENCH_10K=1 adds 10,000), with the backend's CPU per commit, beside a
//   bare `ws` server broadcasting a message of the same size to N clients (same client process);
// - RSS and JS heap per idle subscribed connection;
// - WebSocket mutation throughput (50 connections, single-document inserts) beside raw
//   better-sqlite3 INSERT autocommit (WAL, synchronous=FULL) measured in the same run.
// Processes: this orchestrator, a backend process (startBackend with test/sync/fixture-app pushed
// by the official CLI) and a client process holding the connections, so RSS and CPU are not mixed.
import { fork, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { WebSocket, WebSocketServer } from 'ws';
import {
  loadInstanceCredentials,
  mintAdminKey,
  readConfig,
  startBackend,
} from '@selfhost/local-backend';
import { deploySyncApp } from '../test/sync/support/sync-app.ts';

const self = fileURLToPath(import.meta.url);
const nodeArgs = ['--conditions=@selfhost/source', '--no-node-snapshot', '--expose-gc'];
const role = process.argv[2] ?? 'main';

interface FanoutResult {
  readonly mode: 'backend' | 'raw';
  readonly n: number;
  readonly p50: number;
  readonly p99: number;
  readonly cpuMs: number;
  readonly rssPerConnectionKb: number;
  readonly heapPerConnectionKb: number;
  readonly bytes: number;
}
interface MutationResult {
  readonly perSecond: number;
}
type ToClient =
  | { readonly cmd: 'subscribe'; readonly url: string; readonly n: number }
  | {
      readonly cmd: 'mutate';
      readonly url: string;
      readonly clients: number;
      readonly each: number;
    };
type FromClient =
  | { readonly ready: true; readonly bytes: number }
  | { readonly done: number; readonly bytes: number }
  | { readonly mutated: number; readonly ms: number };

if (role === 'main') await main();
else if (role === 'fanout') await fanoutServer(Number(process.argv[3]));
else if (role === 'raw') await rawServer(Number(process.argv[3]), Number(process.argv[4]));
else if (role === 'mutations')
  await mutationServer(Number(process.argv[3]), Number(process.argv[4]));
else if (role === 'clients') clientProcess();

async function main(): Promise<void> {
  // SYNC_BENCH_ONLY=10000 measures one fan-out size and skips the mutations.
  const only = process.env['SYNC_BENCH_ONLY'];
  const sizes =
    only !== undefined
      ? [Number(only)]
      : [100, 1000, ...(process.env['SYNC_BENCH_10K'] === '1' ? [10_000] : [])];
  const reps = Number(process.env['SYNC_BENCH_REPS'] ?? 3);
  console.log(
    `sync through the full backend, medians of ${reps} runs (10,000: one run), each in fresh processes`,
  );
  for (const n of sizes) {
    const ours: FanoutResult[] = [];
    const raw: FanoutResult[] = [];
    for (let rep = 0; rep < (n >= 10_000 ? 1 : reps); rep++) {
      ours.push(await child<FanoutResult>(['fanout', String(n)]));
      raw.push(await child<FanoutResult>(['raw', String(n), String(ours.at(-1)!.bytes)]));
    }
    const m = (results: FanoutResult[], pick: (r: FanoutResult) => number) =>
      median(results.map(pick));
    const [p50, p99, rp50, rp99] = [
      m(ours, (r) => r.p50),
      m(ours, (r) => r.p99),
      m(raw, (r) => r.p50),
      m(raw, (r) => r.p99),
    ];
    console.log(
      `N=${String(n).padEnd(6)} mutation sent → last subscriber has the Transition: p50 ${ms(p50)} p99 ${ms(p99)} | ` +
        `raw ws broadcast p50 ${ms(rp50)} p99 ${ms(rp99)} | ratio p50 ${(p50 / rp50).toFixed(2)}× p99 ${(p99 / rp99).toFixed(2)}×`,
    );
    console.log(
      `${' '.repeat(9)}CPU per commit: backend ${ms(m(ours, (r) => r.cpuMs))} | raw ws ${ms(m(raw, (r) => r.cpuMs))} | ` +
        `per idle connection RSS ${m(ours, (r) => r.rssPerConnectionKb).toFixed(1)} KB (raw ws ${m(raw, (r) => r.rssPerConnectionKb).toFixed(1)} KB), ` +
        `JS heap ${m(ours, (r) => r.heapPerConnectionKb).toFixed(1)} KB (raw ws ${m(raw, (r) => r.heapPerConnectionKb).toFixed(1)} KB) | ${ours[0]!.bytes} B/Transition`,
    );
  }
  if (only !== undefined) return;
  const clients = 50;
  const each = Number(process.env['SYNC_BENCH_MUTATIONS_PER_CLIENT'] ?? 40);
  const raw: number[] = [];
  const ours: number[] = [];
  for (let rep = 0; rep < reps; rep++) {
    raw.push(await rawInserts(clients * each));
    ours.push(
      (await child<MutationResult>(['mutations', String(clients), String(each)])).perSecond,
    );
  }
  const [r, o] = [median(raw), median(ours)];
  console.log(
    `mutations: ${clients} WebSocket clients × ${each} single-document inserts ${o.toFixed(0)}/s | raw better-sqlite3 INSERT autocommit (WAL, synchronous=FULL) ${r.toFixed(0)}/s | ratio ${(o / r).toFixed(2)}×`,
  );
}

function child<TResult>(args: readonly string[]): Promise<TResult> {
  return new Promise((resolve, reject) => {
    const proc = fork(self, [...args], { execArgv: nodeArgs, stdio: 'inherit' });
    proc.once('message', (result) => resolve(result as TResult));
    proc.once('exit', (code) => {
      if (code !== 0) reject(new Error(`${args.join(' ')} exited with ${code}`));
    });
  });
}

async function rawInserts(count: number): Promise<number> {
  const dir = await mkdtemp(path.join(tmpdir(), 'raw-sqlite-'));
  const db = new Database(path.join(dir, 'raw.db'));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.exec('CREATE TABLE messages (id INTEGER PRIMARY KEY, json TEXT NOT NULL)');
  const insert = db.prepare('INSERT INTO messages (json) VALUES (?)');
  const start = performance.now();
  for (let i = 0; i < count; i++)
    insert.run(JSON.stringify({ client: `client${i % 50}`, seq: i, body: `message ${i}` }));
  const elapsed = performance.now() - start;
  db.close();
  await rm(dir, { recursive: true, force: true });
  return (count / elapsed) * 1000;
}

// --- Backend process --------------------------------------------------------------------

interface Started {
  readonly url: string;
  readonly syncUrl: string;
  stop(): Promise<void>;
}

async function startDeployed(): Promise<Started> {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'bench-backend-'));
  const config = readConfig(
    [
      '--interface',
      '127.0.0.1',
      '--port',
      '0',
      '--site-proxy-port',
      '0',
      '--data-dir',
      dataDir,
      '--disable-beacon',
    ],
    {},
  );
  const credentials = await loadInstanceCredentials(dataDir, config);
  const backend = await startBackend({ config, credentials, log: () => {} });
  const url = `http://127.0.0.1:${backend.apiPort}`;
  const adminKey = mintAdminKey({
    instanceName: credentials.instanceName,
    instanceSecret: credentials.instanceSecret,
  });
  await deploySyncApp({ url, adminKey });
  return {
    url,
    syncUrl: `ws://127.0.0.1:${backend.apiPort}/api/1.48.0/sync`,
    stop: async () => {
      await backend.stop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** A raw protocol client in the backend's process that sends mutations one at a time. */
async function writer(syncUrl: string): Promise<{ send(i: number): Promise<void>; close(): void }> {
  const ws = new WebSocket(syncUrl, { perMessageDeflate: false });
  await new Promise((resolve, reject) => ws.once('open', resolve).once('error', reject));
  ws.send(
    JSON.stringify({
      type: 'Connect',
      sessionId: crypto.randomUUID(),
      connectionCount: 0,
      lastCloseReason: 'InitialConnect',
      clientTs: Date.now(),
    }),
  );
  const waiting = new Map<number, () => void>();
  ws.on('message', (data: Buffer) => {
    const message = JSON.parse(data.toString()) as {
      type: string;
      requestId?: number;
      success?: boolean;
      result?: unknown;
    };
    if (message.type !== 'MutationResponse') return;
    if (message.success !== true)
      throw new Error(`mutation failed: ${JSON.stringify(message.result)}`);
    waiting.get(message.requestId!)?.();
  });
  let requestId = 0;
  return {
    send: (i) =>
      new Promise<void>((resolve) => {
        const id = requestId++;
        waiting.set(id, resolve);
        ws.send(
          JSON.stringify({
            type: 'Mutation',
            requestId: id,
            udfPath: 'notes:add',
            args: [
              {
                client: `user${i % 7}`,
                seq: i,
                body: `message number ${i}: ${'lorem ipsum '.repeat(5)}`,
              },
            ],
          }),
        );
      }),
    close: () => ws.close(),
  };
}

async function fanoutServer(n: number): Promise<void> {
  const backend = await startDeployed();
  const write = await writer(backend.syncUrl);
  for (let i = 0; i < 10; i++) await write.send(i);
  const result = await measureFanout({
    mode: 'backend',
    n,
    url: backend.syncUrl,
    trigger: (round) => void write.send(round + 10),
  });
  write.close();
  await backend.stop();
  report(result);
  process.exit(0);
}

/** The baseline: a bare `ws` server that sends every client one message of `bytes` per round. */
async function rawServer(n: number, bytes: number): Promise<void> {
  const wss = new WebSocketServer({ host: '127.0.0.1', port: 0, perMessageDeflate: false });
  await new Promise<void>((resolve) => wss.once('listening', resolve));
  const text = JSON.stringify({ type: 'Transition', padding: 'x'.repeat(Math.max(0, bytes - 40)) });
  // Like a subscription's first Transition: every connection has received once before it idles.
  wss.on('connection', (ws) => ws.send(text));
  const url = `ws://127.0.0.1:${(wss.address() as { port: number }).port}/`;
  const result = await measureFanout({
    mode: 'raw',
    n,
    url,
    trigger: () => {
      for (const ws of wss.clients) ws.send(text);
    },
  });
  await new Promise<void>((resolve) => wss.close(() => resolve()));
  report(result);
  process.exit(0);
}

async function measureFanout(options: {
  readonly mode: FanoutResult['mode'];
  readonly n: number;
  readonly url: string;
  readonly trigger: (round: number) => void;
}): Promise<FanoutResult> {
  const { mode, n } = options;
  const rounds = n >= 10_000 ? 30 : 100;
  const warmup = 10;
  const before = await settledMemory();
  const clients = fork(self, ['clients'], { execArgv: nodeArgs, stdio: 'inherit' });
  const messages = inbox(clients);
  clients.send({ cmd: 'subscribe', url: options.url, n } satisfies ToClient);
  const ready = await messages.next();
  const after = await settledMemory();
  let bytes = 'bytes' in ready ? ready.bytes : 0;
  const latencies: number[] = [];
  const cpu: number[] = [];
  for (let round = 1; round <= warmup + rounds; round++) {
    const start = performance.now();
    const cpuStart = process.cpuUsage();
    options.trigger(round);
    const done = await messages.next();
    const elapsed = performance.now() - start;
    const used = process.cpuUsage(cpuStart);
    if (!('done' in done) || done.done !== round)
      throw new Error(`unexpected ${JSON.stringify(done)} in round ${round}`);
    bytes = done.bytes;
    if (round > warmup) {
      latencies.push(elapsed);
      cpu.push((used.user + used.system) / 1000);
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  latencies.sort((a, b) => a - b);
  cpu.sort((a, b) => a - b);
  clients.kill();
  return {
    mode,
    n,
    p50: percentile(latencies, 0.5),
    p99: percentile(latencies, 0.99),
    cpuMs: percentile(cpu, 0.5),
    rssPerConnectionKb: (after.rss - before.rss) / n / 1024,
    heapPerConnectionKb: (after.heap - before.heap) / n / 1024,
    bytes,
  };
}

async function mutationServer(clientCount: number, each: number): Promise<void> {
  const backend = await startDeployed();
  const clients = fork(self, ['clients'], { execArgv: nodeArgs, stdio: 'inherit' });
  const messages = inbox(clients);
  // A short warm-up run (isolates, prepared statements), then the measured one.
  clients.send({
    cmd: 'mutate',
    url: backend.syncUrl,
    clients: clientCount,
    each: 5,
  } satisfies ToClient);
  await messages.next();
  clients.send({
    cmd: 'mutate',
    url: backend.syncUrl,
    clients: clientCount,
    each,
  } satisfies ToClient);
  const done = await messages.next();
  if (!('mutated' in done)) throw new Error(`unexpected ${JSON.stringify(done)}`);
  clients.kill();
  await backend.stop();
  report({ perSecond: (done.mutated / done.ms) * 1000 } satisfies MutationResult);
  process.exit(0);
}

async function settledMemory(): Promise<{ rss: number; heap: number }> {
  for (let i = 0; i < 3; i++) {
    globalThis.gc?.();
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  const usage = process.memoryUsage();
  return { rss: usage.rss, heap: usage.heapUsed };
}

// --- Client process ---------------------------------------------------------------------

function clientProcess(): void {
  process.on('message', (message: ToClient) => {
    if (message.cmd === 'subscribe') void subscribeAll(message.url, message.n);
    else void mutateAll(message.url, message.clients, message.each);
  });
}

function connectFrame(): string {
  return JSON.stringify({
    type: 'Connect',
    sessionId: crypto.randomUUID(),
    connectionCount: 0,
    lastCloseReason: 'InitialConnect',
    clientTs: Date.now(),
  });
}

async function open(url: string, onMessage: (data: Buffer) => void): Promise<WebSocket> {
  const ws = new WebSocket(url, { perMessageDeflate: false });
  ws.on('message', onMessage);
  await new Promise((resolve, reject) => ws.once('open', resolve).once('error', reject));
  return ws;
}

async function subscribeAll(url: string, n: number): Promise<void> {
  const counts = new Uint32Array(n);
  const reached: number[] = [];
  let ready = 0;
  let lastBytes = 0;
  const onMessage = (i: number, data: Buffer): void => {
    if (data[9] !== 0x54 /* 'T' of {"type":"Transition" */) return;
    lastBytes = data.length;
    const k = ++counts[i]!;
    reached[k] = (reached[k] ?? 0) + 1;
    if (k === 1) {
      if (++ready === n) process.send!({ ready: true, bytes: lastBytes } satisfies FromClient);
    } else if (reached[k] === n)
      process.send!({ done: k - 1, bytes: lastBytes } satisfies FromClient);
  };
  const add = JSON.stringify({
    type: 'ModifyQuerySet',
    baseVersion: 0,
    newVersion: 1,
    modifications: [{ type: 'Add', queryId: 0, udfPath: 'notes:latest', args: [{}] }],
  });
  for (let start = 0; start < n; start += 250) {
    const batch: Promise<void>[] = [];
    for (let i = start; i < Math.min(n, start + 250); i++) {
      batch.push(
        open(url, (data) => onMessage(i, data)).then((ws) => {
          ws.send(connectFrame());
          ws.send(add);
        }),
      );
    }
    await Promise.all(batch);
  }
}

async function mutateAll(url: string, clientCount: number, each: number): Promise<void> {
  let answered = 0;
  const total = clientCount * each;
  let finish: () => void = () => {};
  const allDone = new Promise<void>((resolve) => (finish = resolve));
  const sockets = await Promise.all(
    Array.from({ length: clientCount }, () =>
      open(url, (data) => {
        if (data[9] !== 0x4d /* 'M' of MutationResponse */) return;
        if (!data.includes('"success":true'))
          throw new Error(`mutation failed: ${data.toString()}`);
        if (++answered === total) finish();
      }),
    ),
  );
  const start = performance.now();
  sockets.forEach((ws, c) => {
    ws.send(connectFrame());
    // Like a client that queues mutations: all sent at once, run one at a time per connection.
    for (let r = 0; r < each; r++) {
      ws.send(
        JSON.stringify({
          type: 'Mutation',
          requestId: r,
          udfPath: 'notes:add',
          args: [{ client: `client${c}`, seq: r, body: `message ${r}` }],
        }),
      );
    }
  });
  await allDone;
  const elapsed = performance.now() - start;
  for (const ws of sockets) ws.terminate();
  process.send!({ mutated: total, ms: elapsed } satisfies FromClient);
}

// --- Helpers ----------------------------------------------------------------------------

function inbox(proc: ChildProcess): { next(): Promise<FromClient> } {
  const queue: FromClient[] = [];
  const waiting: ((message: FromClient) => void)[] = [];
  proc.on('message', (message) => {
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

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)]!;
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;
}

function ms(value: number): string {
  return `${value.toFixed(1).padStart(6)} ms`;
}

/** Sends a backend process's result to the orchestrator (or prints it when run alone). */
function report(result: FanoutResult | MutationResult): void {
  if (process.send === undefined) console.log(result);
  else process.send(result);
}
