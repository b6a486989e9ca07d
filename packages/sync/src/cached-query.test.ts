import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { CachedQuery, type CachedQueryRuntime } from './cached-query.ts';
import { type QueryRequest } from './sync-host.ts';
import { settle } from './test-support/fake-socket.ts';
import { createIndexedTable, listWhere, TestHost } from './test-support/test-host.ts';

let host: TestHost;
let runs: bigint[];
let runtime: CachedQueryRuntime;
const request: QueryRequest = {
  udfPath: 'messages:byChannel',
  args: { channel: 'a' },
  identity: { cacheKey: 'none' },
  journal: null,
  componentPath: undefined,
};

beforeEach(async () => {
  host = await TestHost.open({
    queries: {
      'messages:byChannel': ({ db }, args) =>
        listWhere(db, { table: 'messages', field: 'channel', value: args['channel'] as string }),
    },
  });
  await createIndexedTable(host, 'messages', 'channel');
  runs = [];
  runtime = {
    database: host.database,
    run: (query, ts) => {
      runs.push(ts);
      return host.runQuery(query, ts);
    },
    onExecute: () => {},
  };
});

afterEach(() => host.close());

const insert = (channel: string) => host.commit((tx) => tx.insert('messages', { channel }));

describe('CachedQuery', () => {
  test('runs once for concurrent requests at one timestamp (single flight)', async () => {
    const entry = new CachedQuery('k', request, runtime);
    const ts = host.database.latestTs;
    const [a, b] = await Promise.all([entry.resultAt(ts), entry.resultAt(ts)]);
    expect(a).toBe(b);
    expect(runs).toEqual([ts]);
    expect(entry.resultAt(ts)).toBe(a);
  });

  test('tells its listeners when a commit intersects the read set, and only then', async () => {
    const entry = new CachedQuery('k', request, runtime);
    const listener = vi.fn();
    entry.addListener(listener);
    const before = host.database.latestTs;
    const first = await entry.resultAt(before);
    await insert('b');
    expect(listener).not.toHaveBeenCalled();
    expect(entry.validResultAt(host.database.latestTs)).toBe(first);
    const hit = await insert('a');
    expect(listener).toHaveBeenCalledTimes(1);
    // Still valid before the intersecting commit, not at or after it.
    expect(entry.validResultAt(hit - 1n)).toBe(first);
    expect(entry.validResultAt(hit)).toBeNull();
    const second = await entry.resultAt(host.database.latestTs);
    expect(second).not.toBe(first);
    expect(runs).toHaveLength(2);
  });

  test('without listeners it refreshes through the write log instead of re-running', async () => {
    const entry = new CachedQuery('k', request, runtime);
    const first = await entry.resultAt(host.database.latestTs);
    await insert('b');
    expect(entry.resultAt(host.database.latestTs)).toBe(first);
    await insert('a');
    expect(entry.validResultAt(host.database.latestTs)).toBeNull();
    expect(runs).toHaveLength(1);
  });

  test('a result computed later also serves an earlier timestamp when nothing it read changed in between', async () => {
    const entry = new CachedQuery('k', request, runtime);
    const early = host.database.latestTs;
    await insert('b');
    const result = await entry.resultAt(host.database.latestTs);
    expect(entry.resultAt(early)).toBe(result);
    expect(runs).toHaveLength(1);
  });

  test('an equal re-run keeps the same result object; a new listener subscribes a held result', async () => {
    const entry = new CachedQuery('k', request, runtime);
    const first = await entry.resultAt(host.database.latestTs);
    const listener = vi.fn();
    entry.addListener(listener);
    await insert('a');
    expect(listener).toHaveBeenCalledTimes(1);
    entry.removeListener(listener);
    await insert('a');
    expect(listener).toHaveBeenCalledTimes(1);
    expect((await entry.resultAt(host.database.latestTs)).hash).not.toBe(first.hash);
  });

  test('invalidate() discards held results and runs in flight; later requests run again', async () => {
    const entry = new CachedQuery('k', request, runtime);
    const listener = vi.fn();
    entry.addListener(listener);
    const ts = host.database.latestTs;
    const stale = entry.resultAt(ts);
    entry.invalidate();
    expect(listener).toHaveBeenCalledTimes(1);
    const fresh = entry.resultAt(ts);
    expect(fresh).not.toBe(stale);
    await Promise.all([stale, fresh]);
    expect(runs).toEqual([ts, ts]);
    expect(entry.validResultAt(ts)).not.toBeNull();
    await settle();
  });
});
