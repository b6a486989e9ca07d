import { type JSONObject } from '@selfhost/protocol';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { SyncEngine } from './sync-engine.ts';
import {
  connect,
  connectMessage,
  settle,
  until,
  type TestConnection,
} from './test-support/fake-socket.ts';
import { createIndexedTable, listWhere, TestHost } from './test-support/test-host.ts';

let host: TestHost;
let engine: SyncEngine;

beforeEach(async () => {
  host = await TestHost.open({
    queries: {
      'messages:byChannel': ({ db }, args) =>
        listWhere(db, { table: 'messages', field: 'channel', value: args['channel'] as string }),
      'messages:visibleCount': async ({ db }, args) => {
        const docs = await listWhere(db, {
          table: 'messages',
          field: 'channel',
          value: args['channel'] as string,
        });
        return docs.filter((doc) => (doc as { hidden?: boolean }).hidden !== true).length;
      },
      'messages:page': async ({ db, journal, setJournal }) => {
        const query = {
          source: { type: 'FullTableScan', tableName: 'messages', order: 'desc' },
          operators: [],
        } as const;
        const page = await db.queryPage(query, { cursor: null, numItems: 2, endCursor: journal });
        setJournal(page.continueCursor);
        return page.page.map((doc) => doc.value['body'] ?? null);
      },
    },
    mutations: {
      'messages:send': async ({ db }, args) => {
        await db.insert('messages', args);
        return null;
      },
    },
  });
  await createIndexedTable(host, 'messages', 'channel');
  engine = new SyncEngine({ host });
});

afterEach(async () => {
  await engine.stop();
  await host.close();
});

function open(): TestConnection {
  const c = connect(engine);
  c.send(connectMessage(crypto.randomUUID()));
  return c;
}

function add(
  c: TestConnection,
  queries: readonly { queryId: number; udfPath: string; args: JSONObject }[],
  baseVersion = 0,
): void {
  c.send({
    type: 'ModifyQuerySet',
    baseVersion,
    newVersion: baseVersion + 1,
    modifications: queries.map((query) => ({ type: 'Add', ...query, args: [query.args] })),
  });
}

function insert(fields: Record<string, string | boolean>): Promise<bigint> {
  return host.commit((tx) => tx.insert('messages', fields));
}

/** A connection subscribed to channel a (query 0) and channel b (query 1), first Transition read. */
async function subscribedToChannelsAandB(): Promise<TestConnection> {
  const c = open();
  add(c, [
    { queryId: 0, udfPath: 'messages:byChannel', args: { channel: 'a' } },
    { queryId: 1, udfPath: 'messages:byChannel', args: { channel: 'b' } },
  ]);
  await until(() => c.socket.unread === 1);
  c.socket.take();
  return c;
}

describe('SyncEngine subscriptions', () => {
  test('a commit that intersects one of two subscriptions re-runs only that one (index ranges, not tables)', async () => {
    const c = await subscribedToChannelsAandB();
    expect(host.queryRunsByArgs).toEqual(
      new Map([
        ['messages:byChannel{"channel":"a"}', 1],
        ['messages:byChannel{"channel":"b"}', 1],
      ]),
    );

    await insert({ channel: 'a', body: 'hello' });
    await until(() => c.socket.unread === 1);
    const [transition] = c.socket.take();
    expect(transition).toMatchObject({
      modifications: [
        { type: 'QueryUpdated', queryId: 0, value: [{ channel: 'a', body: 'hello' }] },
      ],
    });
    expect(host.queryRunsByArgs.get('messages:byChannel{"channel":"a"}')).toBe(2);
    expect(host.queryRunsByArgs.get('messages:byChannel{"channel":"b"}')).toBe(1);

    await insert({ channel: 'c', body: 'elsewhere' });
    await settle();
    expect(c.socket.take()).toEqual([]);
    expect(host.totalQueryRuns).toBe(3);
  });

  test('a commit that changes two queries of one connection makes one Transition with both', async () => {
    const c = await subscribedToChannelsAandB();
    // One commit that writes inside both queries' ranges.
    await host.commit(async (tx) => {
      await tx.insert('messages', { channel: 'a', body: 'to a' });
      await tx.insert('messages', { channel: 'b', body: 'to b' });
    });
    await until(() => c.socket.unread >= 1);
    await settle();
    const frames = c.socket.take();
    expect(frames).toHaveLength(1);
    expect(frames[0]).toMatchObject({
      type: 'Transition',
      modifications: [
        { type: 'QueryUpdated', queryId: 0, value: [{ channel: 'a', body: 'to a' }] },
        { type: 'QueryUpdated', queryId: 1, value: [{ channel: 'b', body: 'to b' }] },
      ],
    });
  });

  test('an unchanged result sends nothing, but a mutation still gets its trailing Transition', async () => {
    const observer = open();
    const writer = open();
    for (const c of [observer, writer])
      add(c, [{ queryId: 0, udfPath: 'messages:visibleCount', args: { channel: 'a' } }]);
    await until(() => observer.socket.unread === 1 && writer.socket.unread === 1);
    observer.socket.take();
    const [first] = writer.socket.take();

    writer.send({
      type: 'Mutation',
      requestId: 0,
      udfPath: 'messages:send',
      args: [{ channel: 'a', hidden: true }],
    });
    await until(() => writer.socket.unread === 2);
    const [response, trailing] = writer.socket.take();
    expect(response).toMatchObject({ type: 'MutationResponse', success: true });
    // Zero modifications, the same query set, and a ts at the commit.
    expect(trailing).toMatchObject({
      type: 'Transition',
      startVersion: (first as { endVersion: unknown }).endVersion,
      modifications: [],
    });
    expect((trailing as { endVersion: { ts: string } }).endVersion.ts).toBe(
      (response as { ts: string }).ts,
    );
    await settle();
    expect(observer.socket.take()).toEqual([]);
    // The query did re-run (its read set was hit): once for both sessions.
    expect(host.queryRuns.get('messages:visibleCount')).toBe(2);
  });

  test('identical queries on 100 sessions run once per commit and every session gets the update', async () => {
    const sessions = Array.from({ length: 100 }, () => open());
    for (const c of sessions)
      add(c, [{ queryId: 0, udfPath: 'messages:byChannel', args: { channel: 'a' } }]);
    await until(() => sessions.every((c) => c.socket.unread === 1));
    expect(host.queryRuns.get('messages:byChannel')).toBe(1);
    for (const c of sessions) c.socket.take();

    await insert({ channel: 'a', body: 'to everyone' });
    await until(() => sessions.every((c) => c.socket.unread === 1));
    expect(host.queryRuns.get('messages:byChannel')).toBe(2);
    const texts = sessions.map((c) => c.socket.takeText()[0]!);
    // The modification is the same text everywhere (encoded once); only versions differ.
    const modification = (text: string) =>
      text.slice(text.indexOf('"modifications"'), text.indexOf('"clientClockSkew"'));
    expect(new Set(texts.map(modification)).size).toBe(1);
    expect(engine.stats.cachedQueries).toBe(1);
  });

  test('a paginated query keeps its page boundary while subscribed (the journal is passed back)', async () => {
    await insert({ body: 'one' });
    await insert({ body: 'two' });
    await insert({ body: 'three' });
    const c = open();
    add(c, [{ queryId: 0, udfPath: 'messages:page', args: {} }]);
    await until(() => c.socket.unread === 1);
    const [first] = c.socket.take();
    expect(first).toMatchObject({
      modifications: [{ value: ['three', 'two'], journal: expect.any(String) }],
    });

    // A newer message falls inside the page's range: the page grows instead of shifting.
    await insert({ body: 'four' });
    await until(() => c.socket.unread === 1);
    const [second] = c.socket.take();
    expect(second).toMatchObject({ modifications: [{ value: ['four', 'three', 'two'] }] });
  });

  test('invalidateAll re-runs every subscribed query; unchanged results send nothing', async () => {
    const c = open();
    add(c, [{ queryId: 0, udfPath: 'messages:byChannel', args: { channel: 'a' } }]);
    await until(() => c.socket.unread === 1);
    c.socket.take();
    engine.invalidateAll();
    await settle();
    expect(host.queryRuns.get('messages:byChannel')).toBe(2);
    expect(c.socket.take()).toEqual([]);
  });

  test('a released query stays cached: subscribing again after a commit elsewhere does not re-run it', async () => {
    const first = open();
    add(first, [{ queryId: 0, udfPath: 'messages:byChannel', args: { channel: 'a' } }]);
    await until(() => first.socket.unread === 1);
    first.session.handleClose();
    expect(engine.stats.idleQueries).toBe(1);
    await insert({ channel: 'b', body: 'unrelated' });
    const second = open();
    add(second, [{ queryId: 0, udfPath: 'messages:byChannel', args: { channel: 'a' } }]);
    await until(() => second.socket.unread === 1);
    expect(host.queryRuns.get('messages:byChannel')).toBe(1);
    await insert({ channel: 'a', body: 'related' });
    await until(() => second.socket.unread === 2);
    expect(host.queryRuns.get('messages:byChannel')).toBe(2);
  });

  test('a session with a slow socket does not hold back the others', async () => {
    const slow = open();
    const fast = open();
    for (const c of [slow, fast])
      add(c, [{ queryId: 0, udfPath: 'messages:byChannel', args: { channel: 'a' } }]);
    await until(() => slow.socket.unread === 1 && fast.socket.unread === 1);
    slow.socket.take();
    fast.socket.take();
    slow.socket.buffered = 10 << 20;
    for (let i = 0; i < 5; i++) {
      await insert({ channel: 'a', body: `m${i}` });
      await until(() => fast.socket.unread === 1);
      fast.socket.take();
    }
    expect(slow.socket.take()).toEqual([]);
  });

  test('stop() closes every session with 1001', async () => {
    const c = open();
    await engine.stop();
    expect(c.socket.closed).toEqual({ code: 1001, reason: 'ServerShutdown' });
    expect(engine.stats.sessions).toBe(0);
    await expect(engine.run()).resolves.toBeUndefined();
  });
});
