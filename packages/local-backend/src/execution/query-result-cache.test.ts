import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { openDatabase, openSqlitePersistence, type Database } from '@selfhost/database';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { MetricsRegistry } from '../metrics/metrics-registry.ts';
import { ExecutionLog } from './execution-log.ts';
import type { ExecutionRequest } from './execution-request.ts';
import type { FunctionExecutor, QueryExecution } from './function-executor.ts';
import { QueryResultCache } from './query-result-cache.ts';

let dir: string;
let db: Database;
let log: ExecutionLog;
let executions: number;
let cache: QueryResultCache;

/** A stand-in executor whose "query" counts the documents of the table named by its args. */
const executor = {
  query: async (request: ExecutionRequest, options: { ts?: bigint | undefined }): Promise<QueryExecution> => {
    executions += 1;
    const table = (request.args as { table: string }).table;
    const tx = db.begin({ readOnly: true, readTs: options.ts });
    try {
      if (table === 'fail') return { outcome: { status: 'error', errorMessage: 'boom', logLines: [] }, ts: tx.snapshotTs, readSet: tx.readSet, journal: null };
      const count = await tx.count(table);
      return { outcome: { status: 'success', valueJson: String(count), logLines: [] }, ts: tx.snapshotTs, readSet: tx.readSet, journal: null };
    } finally {
      tx.abort();
    }
  },
} as unknown as FunctionExecutor;

const request = (table: string): ExecutionRequest => ({ path: 'items:count', args: { table }, identity: { kind: 'none' }, isAdmin: false, caller: 'HTTP API' });
const valueOf = async (table: string, ts?: bigint) => {
  const { outcome } = await cache.query(request(table), ts);
  return outcome.status === 'success' ? outcome.valueJson : outcome.errorMessage;
};
const insert = (table: string) => db.runMutation(async (tx) => void (await tx.insert(table, { n: 1 })));

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'selfhost-query-cache-'));
  db = await openDatabase({ persistence: await openSqlitePersistence({ path: path.join(dir, 'db.sqlite3') }), cursorKey: 'query-cache-test-key-0123456789abcdef' });
  await insert('items');
  await insert('other');
  log = new ExecutionLog(new MetricsRegistry());
  executions = 0;
  cache = new QueryResultCache({ db, executor, log, maxBytes: 1024 * 1024 });
});

afterEach(async () => {
  await db.close();
  await rm(dir, { recursive: true, force: true });
});

describe('QueryResultCache', () => {
  test('answers a repeated query from the cache, and logs it as a cached result', async () => {
    expect(await valueOf('items')).toBe('1');
    expect(await valueOf('items')).toBe('1');
    expect(executions).toBe(1);
    expect(log.stream.since(0).entries.map((entry) => entry.cachedResult)).toEqual([true]);
  });

  test('a commit that touches the read set makes it run again; other commits do not', async () => {
    expect(await valueOf('items')).toBe('1');
    await insert('other');
    expect(await valueOf('items')).toBe('1');
    expect(executions).toBe(1);
    await insert('items');
    expect(await valueOf('items')).toBe('2');
    expect(executions).toBe(2);
  });

  test('different arguments are different entries; clear() forgets everything', async () => {
    expect(await valueOf('items')).toBe('1');
    expect(await valueOf('other')).toBe('1');
    expect(executions).toBe(2);
    cache.clear();
    expect(await valueOf('items')).toBe('1');
    expect(executions).toBe(3);
  });

  test('errors are never cached', async () => {
    expect(await valueOf('fail')).toBe('boom');
    expect(await valueOf('fail')).toBe('boom');
    expect(executions).toBe(2);
  });

  test('a query at a timestamp before the cached result runs again', async () => {
    const before = db.latestTs;
    await insert('items');
    expect(await valueOf('items')).toBe('2');
    expect(await valueOf('items', before)).toBe('1');
    expect(executions).toBe(2);
  });

  test('identical queries in flight share one execution', async () => {
    const values = await Promise.all([valueOf('items'), valueOf('items'), valueOf('items')]);
    expect(values).toEqual(['1', '1', '1']);
    expect(executions).toBe(1);
  });
});
