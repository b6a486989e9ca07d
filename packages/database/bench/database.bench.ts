// pnpm bench: for each driver, our figures beside the raw driver ceiling measured in the same run.
// - single-document insert transactions/s, 1 writer and 64 concurrent writers (group commit
//   shows) vs raw single-row INSERT autocommit (SQLite: same synchronous setting; servers: one
//   connection serial, and a pool of 8 concurrent)
// - point reads/s (tx.get) vs a raw primary-key SELECT
// - indexed range scan rows/s (1,000-row index ranges) vs a raw `SELECT … WHERE n >= ? ORDER BY
//   n LIMIT 1000` over a plain table with the same number of rows and an index on n
// - throughput under conflict: 64 writers incrementing 8 counters with OCC retries
import { mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { createPool } from 'mysql2';
import pg from 'pg';
import {
  applySchema,
  dropMysqlDatabase,
  dropPostgresSchema,
  openDatabase,
  openMysqlPersistence,
  openPostgresPersistence,
  openSqlitePersistence,
  type Database,
  type Persistence,
} from '@selfhost/database';

const SECONDS = Number(process.env['SELFHOST_BENCH_SECONDS'] ?? 2);
const WRITERS = 64;
const SCAN = 1000;
/** A random start for a SCAN-row range among `rows` rows. */
const scanStart = (rows: number): number => Math.floor(Math.random() * Math.max(1, rows - SCAN));

async function forDuration(
  concurrency: number,
  body: (worker: number) => Promise<number>,
): Promise<number> {
  const end = performance.now() + SECONDS * 1000;
  let done = 0;
  const start = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async (_, worker) => {
      while (performance.now() < end) {
        const k = await body(worker);
        done += k;
      }
    }),
  );
  return done / ((performance.now() - start) / 1000);
}

function port(p: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: '127.0.0.1', port: p });
    socket.setTimeout(1000, () => (socket.destroy(), resolve(false)));
    socket.once('connect', () => (socket.destroy(), resolve(true)));
    socket.once('error', () => resolve(false));
  });
}

interface Figures {
  readonly inserts1: number;
  readonly inserts: number;
  readonly reads: number;
  readonly scanRows: number;
  readonly conflictCommits: number;
  readonly conflictRetries: number;
  /** Rows in the bench table when the range scans ran. */
  readonly rows: number;
}

async function measure(db: Database): Promise<Figures> {
  await applySchema(db, {
    tables: [
      {
        tableName: 'bench',
        indexes: [{ indexDescriptor: 'by_n', fields: ['n'] }],
        documentType: null,
      },
    ],
    schemaValidation: false,
  });
  let n = 0;
  const ids: string[] = [];
  const inserts1 = await forDuration(1, async () => {
    const tx = db.begin();
    ids.push(await tx.insert('bench', { n: n++, body: 'hello world' }));
    await tx.commit();
    return 1;
  });
  const inserts = await forDuration(WRITERS, async () => {
    const tx = db.begin();
    const id = await tx.insert('bench', { n: n++, body: 'hello world' });
    await tx.commit();
    ids.push(id);
    return 1;
  });
  const reads = await forDuration(8, async () => {
    const tx = db.begin({ readOnly: true });
    for (let i = 0; i < 50; i++) await tx.get(ids[Math.floor(Math.random() * ids.length)]!);
    tx.abort();
    return 50;
  });
  const total = n;
  const scanRows = await forDuration(4, async () => {
    const lo = scanStart(total);
    const docs = await db
      .begin({ readOnly: true })
      .query({
        source: {
          type: 'IndexRange',
          indexName: 'bench.by_n',
          range: [
            { type: 'Gte', fieldPath: 'n', value: lo },
            { type: 'Lt', fieldPath: 'n', value: lo + SCAN },
          ],
          order: 'asc',
        },
        operators: [],
      })
      .collect();
    return docs.length;
  });
  const counters = await db.runMutation(async (tx) =>
    Promise.all(Array.from({ length: 8 }, (_, i) => tx.insert('counters', { i, n: 0 }))),
  );
  let retries = 0;
  const conflictCommits = await forDuration(WRITERS, async () => {
    const id = counters[Math.floor(Math.random() * counters.length)]!;
    let attempt = 0;
    await db.runMutation(
      async (tx) => {
        if (attempt++ > 0) retries++;
        const doc = await tx.get(id);
        await tx.patch(id, { n: (doc!.value['n'] as number) + 1 });
      },
      { retries: 100 },
    );
    return 1;
  });
  return {
    inserts1,
    inserts,
    reads,
    scanRows,
    conflictCommits,
    conflictRetries: retries,
    rows: total,
  };
}

async function ours(persistence: Persistence): Promise<Figures> {
  const db = await openDatabase({ persistence, cursorKey: 'bench-cursor-key-0123456789abcdef' });
  try {
    return await measure(db);
  } finally {
    await db.close();
  }
}

const fmt = (x: number): string =>
  x >= 1e6 ? `${(x / 1e6).toFixed(2)}M` : x >= 1000 ? `${(x / 1000).toFixed(1)}k` : x.toFixed(0);
const rows: string[][] = [];
function report(
  driver: string,
  figure: string,
  value: number,
  baseline: number,
  baselineName: string,
): void {
  rows.push([
    driver,
    figure,
    `${fmt(value)}/s`,
    `${fmt(baseline)}/s (${baselineName})`,
    `${(value / baseline).toFixed(2)}×`,
  ]);
}

async function benchSqlite(): Promise<void> {
  const dir = mkdtempSync(path.join(tmpdir(), 'selfhost-bench-'));
  try {
    const raw = new BetterSqlite3(path.join(dir, 'raw.sqlite3'));
    raw.pragma('journal_mode = WAL');
    raw.pragma('synchronous = FULL');
    raw.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, body TEXT)');
    const insert = raw.prepare('INSERT INTO t (body) VALUES (?)');
    const select = raw.prepare('SELECT body FROM t WHERE id = ?');
    let count = 0;
    const rawInserts = await forDuration(1, () => {
      insert.run('hello world');
      count++;
      return Promise.resolve(1);
    });
    const rawReads = await forDuration(1, () => {
      for (let i = 0; i < 100; i++) select.get(1 + Math.floor(Math.random() * count));
      return Promise.resolve(100);
    });
    const f = await ours(
      await openSqlitePersistence({ path: path.join(dir, 'db.sqlite3'), synchronous: 'FULL' }),
    );
    // The raw range scan: as many rows as our bench table had, an index on n.
    raw.exec('CREATE TABLE scan (id INTEGER PRIMARY KEY, n INTEGER NOT NULL, body TEXT)');
    raw.exec('CREATE INDEX scan_n ON scan (n)');
    const fill = raw.prepare('INSERT INTO scan (n, body) VALUES (?, ?)');
    raw.transaction(() => {
      for (let i = 0; i < f.rows; i++) fill.run(i, 'hello world');
    })();
    const range = raw.prepare('SELECT id, n, body FROM scan WHERE n >= ? ORDER BY n LIMIT ?');
    const rawScanRows = await forDuration(1, () =>
      Promise.resolve(range.all(scanStart(f.rows), SCAN).length),
    );
    raw.close();
    report('sqlite FULL', 'insert tx (1 writer)', f.inserts1, rawInserts, 'raw autocommit INSERT');
    report('sqlite FULL', 'insert tx (64 writers)', f.inserts, rawInserts, 'raw autocommit INSERT');
    report('sqlite FULL', 'point reads', f.reads, rawReads, 'raw PK SELECT');
    report('sqlite FULL', 'range scan rows', f.scanRows, rawScanRows, 'raw range SELECT');
    report(
      'sqlite FULL',
      `conflict commits (${fmt(f.conflictRetries / SECONDS)} retries/s)`,
      f.conflictCommits,
      rawInserts,
      'raw autocommit INSERT',
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function serverBaseline(
  kind: 'postgres' | 'mysql',
): Promise<{ serial: number; pool8: number; read: number }> {
  if (kind === 'postgres') {
    const pool = new pg.Pool({ host: '127.0.0.1', user: 'postgres', database: 'test', max: 8 });
    await pool.query(
      'CREATE TEMP TABLE IF NOT EXISTS bench_raw (id serial primary key, body text)',
    );
    await pool.query(
      'CREATE TABLE IF NOT EXISTS bench_raw_shared (id serial primary key, body text)',
    );
    const client = await pool.connect();
    const serial = await forDuration(
      1,
      async () => (
        await client.query('INSERT INTO bench_raw_shared (body) VALUES ($1)', ['hello world']),
        1
      ),
    );
    const read = await forDuration(
      1,
      async () => (await client.query('SELECT body FROM bench_raw_shared WHERE id = $1', [1]), 1),
    );
    client.release();
    const pool8 = await forDuration(
      8,
      async () => (
        await pool.query('INSERT INTO bench_raw_shared (body) VALUES ($1)', ['hello world']),
        1
      ),
    );
    await pool.query('DROP TABLE bench_raw_shared');
    await pool.end();
    return { serial, pool8, read };
  }
  const pool = createPool({
    host: '127.0.0.1',
    user: 'root',
    database: 'test',
    connectionLimit: 8,
  }).promise();
  await pool.query(
    'CREATE TABLE IF NOT EXISTS bench_raw_shared (id INT AUTO_INCREMENT PRIMARY KEY, body TEXT)',
  );
  const connection = await pool.getConnection();
  const serial = await forDuration(
    1,
    async () => (
      await connection.query('INSERT INTO bench_raw_shared (body) VALUES (?)', ['hello world']),
      1
    ),
  );
  const read = await forDuration(
    1,
    async () => (await connection.query('SELECT body FROM bench_raw_shared WHERE id = ?', [1]), 1),
  );
  connection.release();
  const pool8 = await forDuration(
    8,
    async () => (
      await pool.query('INSERT INTO bench_raw_shared (body) VALUES (?)', ['hello world']),
      1
    ),
  );
  await pool.query('DROP TABLE bench_raw_shared');
  await pool.end();
  return { serial, pool8, read };
}

/** Raw range scans over a plain table of `rows` rows with an index on n. */
async function serverRawScan(kind: 'postgres' | 'mysql', rows: number): Promise<number> {
  const values = (from: number): (number | string)[] =>
    Array.from({ length: Math.min(SCAN, rows - from) }, (_, i) => [from + i, 'hello world']).flat();
  if (kind === 'postgres') {
    const client = new pg.Client({ host: '127.0.0.1', user: 'postgres', database: 'test' });
    await client.connect();
    await client.query(
      'CREATE TEMP TABLE scan_raw (id serial primary key, n int not null, body text)',
    );
    await client.query('CREATE INDEX ON scan_raw (n)');
    for (let from = 0; from < rows; from += SCAN) {
      const v = values(from);
      const tuples = Array.from(
        { length: v.length / 2 },
        (_, i) => `($${2 * i + 1}, $${2 * i + 2})`,
      );
      await client.query(`INSERT INTO scan_raw (n, body) VALUES ${tuples.join(',')}`, v);
    }
    await client.query('ANALYZE scan_raw');
    const scanned = await forDuration(1, async () => {
      const result = await client.query(
        'SELECT id, n, body FROM scan_raw WHERE n >= $1 ORDER BY n LIMIT $2',
        [scanStart(rows), SCAN],
      );
      return result.rowCount ?? 0;
    });
    await client.end();
    return scanned;
  }
  const pool = createPool({
    host: '127.0.0.1',
    user: 'root',
    database: 'test',
    connectionLimit: 1,
  }).promise();
  await pool.query('DROP TABLE IF EXISTS scan_raw');
  await pool.query(
    'CREATE TABLE scan_raw (id INT AUTO_INCREMENT PRIMARY KEY, n INT NOT NULL, body TEXT, INDEX (n))',
  );
  for (let from = 0; from < rows; from += SCAN) {
    const v = values(from);
    await pool.query(
      `INSERT INTO scan_raw (n, body) VALUES ${Array(v.length / 2)
        .fill('(?, ?)')
        .join(',')}`,
      v,
    );
  }
  const scanned = await forDuration(1, async () => {
    const [result] = await pool.query(
      'SELECT id, n, body FROM scan_raw WHERE n >= ? ORDER BY n LIMIT ?',
      [scanStart(rows), SCAN],
    );
    return (result as unknown[]).length;
  });
  await pool.query('DROP TABLE scan_raw');
  await pool.end();
  return scanned;
}

async function benchServer(kind: 'postgres' | 'mysql'): Promise<void> {
  if (!(await port(kind === 'postgres' ? 5432 : 3306))) {
    console.warn(`!!! ${kind} is not reachable: its benchmark is skipped`);
    return;
  }
  const base = await serverBaseline(kind);
  const name = `bench_${process.pid}`;
  const persistence =
    kind === 'postgres'
      ? await openPostgresPersistence({
          url: 'postgres://postgres@127.0.0.1:5432',
          database: 'test',
          schema: name,
        })
      : await openMysqlPersistence({ url: 'mysql://root@127.0.0.1:3306', database: name });
  try {
    const f = await ours(persistence);
    const rawScan = await serverRawScan(kind, f.rows);
    report(kind, 'insert tx (1 writer)', f.inserts1, base.serial, 'raw INSERT, 1 connection');
    report(kind, 'insert tx (64 writers)', f.inserts, base.serial, 'raw INSERT, 1 connection');
    report(kind, 'insert tx (64 writers)', f.inserts, base.pool8, 'raw INSERT, pool of 8');
    report(kind, 'point reads', f.reads, base.read, 'raw PK SELECT, 1 connection');
    report(kind, 'range scan rows', f.scanRows, rawScan, 'raw range SELECT, 1 connection');
    report(
      kind,
      `conflict commits (${fmt(f.conflictRetries / SECONDS)} retries/s)`,
      f.conflictCommits,
      base.serial,
      'raw INSERT, 1 connection',
    );
  } finally {
    if (kind === 'postgres')
      await dropPostgresSchema({
        url: 'postgres://postgres@127.0.0.1:5432',
        database: 'test',
        schema: name,
      });
    else await dropMysqlDatabase({ url: 'mysql://root@127.0.0.1:3306', database: name });
  }
}

await benchSqlite();
await benchServer('postgres');
await benchServer('mysql');
const widths = [0, 1, 2, 3, 4].map((i) => Math.max(...rows.map((r) => r[i]!.length), 6));
console.log(`@selfhost/database — ${new Date().toISOString()} — ${SECONDS}s per figure`);
for (const r of [['driver', 'figure', 'ours', 'raw ceiling (same run)', 'ratio'], ...rows])
  console.log(r.map((c, i) => c.padEnd(widths[i]!)).join('  '));
