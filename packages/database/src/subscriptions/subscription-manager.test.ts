import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import type { Database } from '../database.ts';
import { openDatabase } from '../open-database.ts';
import { applySchema } from '../schema/schema-change.ts';
import { openSqlitePersistence } from '../sqlite/sqlite-persistence.ts';
import type { Invalidation } from './subscription-manager.ts';
import { TEST_CURSOR_KEY } from '../test-support/test-database.ts';

let db: Database;
const byChannel = (channel: string) =>
  ({
    source: {
      type: 'IndexRange',
      indexName: 'messages.by_channel',
      range: [{ type: 'Eq', fieldPath: 'channel', value: channel }],
      order: 'asc',
    },
    operators: [],
  }) as const;

async function runQuery(channel: string) {
  const tx = db.begin({ readOnly: true });
  const docs = await tx.query(byChannel(channel)).collect();
  tx.abort();
  return { docs, readSet: tx.readSet, ts: tx.snapshotTs };
}

describe('subscriptions', () => {
  beforeEach(async () => {
    db = await openDatabase({
      persistence: await openSqlitePersistence({ path: ':memory:' }),
      cursorKey: TEST_CURSOR_KEY,
      writeLog: { maxAgeMs: 60_000, minAgeMs: 0, maxBytes: 1 << 30 },
    });
    await applySchema(db, {
      tables: [
        {
          tableName: 'messages',
          indexes: [{ indexDescriptor: 'by_channel', fields: ['channel'] }],
          documentType: null,
        },
      ],
      schemaValidation: false,
    });
  });
  afterEach(() => db.close());

  test('fire only for commits that write inside the read set', async () => {
    const { readSet, ts } = await runQuery('a');
    const fired: Invalidation[] = [];
    db.subscribe(readSet, ts, (why) => fired.push(why));
    await db.runMutation((tx) => tx.insert('messages', { channel: 'b', body: 'elsewhere' }));
    expect(fired).toHaveLength(0);
    const { ts: commitTs } = await (async () => {
      const tx = db.begin();
      await tx.insert('messages', { channel: 'a', body: 'here' });
      return tx.commit();
    })();
    expect(fired).toEqual([{ ts: commitTs, reason: 'conflict' }]);
    expect(db.subscriptionCount).toBe(0);
  });

  test('a commit between the read and the subscription is caught from the write log', async () => {
    const { readSet, ts } = await runQuery('a');
    await db.runMutation((tx) => tx.insert('messages', { channel: 'a' }));
    const fired = await new Promise<Invalidation>((resolve) => db.subscribe(readSet, ts, resolve));
    expect(fired.reason).toBe('conflict');
  });

  test('readSetChanged answers token refreshes; old read sets count as changed', async () => {
    const { readSet, ts } = await runQuery('a');
    await db.runMutation((tx) => tx.insert('messages', { channel: 'b' }));
    expect(db.readSetChanged(readSet, ts)).toEqual({ changed: false });
    await db.runMutation((tx) => tx.insert('messages', { channel: 'a' }));
    expect(db.readSetChanged(readSet, ts)).toMatchObject({ changed: true, reason: 'conflict' });
  });

  test('read sets older than the write log are reported invalidated, never as errors', async () => {
    const short = await openDatabase({
      persistence: await openSqlitePersistence({ path: ':memory:' }),
      cursorKey: TEST_CURSOR_KEY,
      writeLog: { maxAgeMs: 0, minAgeMs: 0 },
    });
    const tx = short.begin({ readOnly: true });
    await tx
      .query({ source: { type: 'FullTableScan', tableName: 'x', order: 'asc' }, operators: [] })
      .collect();
    tx.abort();
    for (let i = 0; i < 3; i++) await short.runMutation((w) => w.insert('y', { i }));
    expect(short.readSetChanged(tx.readSet, tx.snapshotTs)).toMatchObject({
      changed: true,
      reason: 'outOfRetention',
    });
    const why = await new Promise<Invalidation>((resolve) =>
      short.subscribe(tx.readSet, tx.snapshotTs, resolve),
    );
    expect(why.reason).toBe('outOfRetention');
    await short.close();
  });

  test('table creation invalidates a query on a table that did not exist', async () => {
    const tx = db.begin({ readOnly: true });
    expect(
      await tx
        .query({
          source: { type: 'FullTableScan', tableName: 'later', order: 'asc' },
          operators: [],
        })
        .collect(),
    ).toEqual([]);
    tx.abort();
    const fired: Invalidation[] = [];
    db.subscribe(tx.readSet, tx.snapshotTs, (why) => fired.push(why));
    await db.runMutation((w) => w.insert('later', {}));
    expect(fired).toHaveLength(1);
  });

  test('onCommit reports every commit in ts order', async () => {
    const seen: bigint[] = [];
    const off = db.onCommit((entry) => seen.push(entry.ts));
    await Promise.all(
      Array.from({ length: 5 }, () =>
        db.runMutation((tx) => tx.insert('messages', { channel: 'x' })),
      ),
    );
    off();
    expect(seen).toHaveLength(5);
    expect([...seen].sort((a, b) => (a < b ? -1 : 1))).toEqual(seen);
  });
});
