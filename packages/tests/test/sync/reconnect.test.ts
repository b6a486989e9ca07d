// Issue 7 acceptance: connections cut in the middle of a stream of mutations (a loopback proxy
// in front of the backend executable destroys every socket, mid-frame, several times). The
// official ConvexClient reconnects and re-sends what was not confirmed; the backend must run
// each mutation exactly once, in order per client, and resume paginated subscriptions at their
// journals' page boundaries. Actions are at most once: one cut off while it runs is not run again.
import { ConvexClient } from 'convex/browser';
import { WebSocket } from 'ws';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { api, type Item } from './support/sync-app.ts';
import { startDroppingProxy, type DroppingProxy } from './support/dropping-proxy.ts';
import { eventually, startSyncBackend, type SyncBackend } from './support/sync-backend.ts';

let backend: SyncBackend;
let proxy: DroppingProxy;
const clients: ConvexClient[] = [];

function client(url = proxy.url): ConvexClient {
  const created = new ConvexClient(url, {
    skipConvexDeploymentUrlCheck: true,
    logger: false,
    webSocketConstructor: WebSocket as unknown as typeof globalThis.WebSocket,
  });
  clients.push(created);
  return created;
}

beforeAll(async () => {
  backend = await startSyncBackend();
  proxy = await startDroppingProxy(backend.url);
});

afterAll(async () => {
  await Promise.all(clients.map((c) => c.close()));
  await proxy?.close();
  await backend?.stop();
});

describe('dropped connections', () => {
  test('every mutation runs exactly once, in order per client', async () => {
    const perClient = 40;
    const writers = ['alpha', 'beta', 'gamma'].map((name) => ({ name, client: client() }));
    // Queue every mutation at once: the client sends them in order, the backend runs them one at
    // a time per connection, and the cuts land between, during and after them.
    const results = writers.flatMap(({ name, client: c }) =>
      Array.from({ length: perClient }, (_, seq) =>
        c.mutation(api.notes.add, { client: name, seq, body: `${name} ${seq}` }),
      ),
    );
    let settled = 0;
    const all = Promise.all(results.map((r) => r.finally(() => settled++)));
    // Three cuts: the client's reconnect backoff doubles until every request is confirmed again
    // (compat §3.7), so each further cut costs twice the time.
    let drops = 0;
    while (settled < results.length && drops < 3) {
      await eventually(() => (proxy.open >= writers.length ? true : undefined), 30_000);
      await new Promise((resolve) => setTimeout(resolve, 2 + Math.random() * 20));
      proxy.dropAll();
      drops++;
    }
    const ids = await all;
    expect(drops).toBeGreaterThanOrEqual(2);
    expect(proxy.accepted).toBeGreaterThan(writers.length);
    expect(new Set(ids).size).toBe(ids.length);

    const direct = client(backend.url);
    for (const { name } of writers) {
      const notes = await direct.query(api.notes.byClient, { client: name });
      expect(notes.map((n) => n.seq)).toEqual(Array.from({ length: perClient }, (_, i) => i));
      // Committed in the order sent: creation times follow the sequence numbers.
      const byTime = [...notes].sort((a, b) => a._creationTime - b._creationTime);
      expect(byTime.map((n) => n.seq)).toEqual(notes.map((n) => n.seq));
    }
    expect(await direct.query(api.notes.count, {})).toBe(writers.length * perClient);
  });

  test('a paginated subscription keeps its page boundary across a reconnect', async () => {
    const writer = client(backend.url);
    for (const rank of [10, 20, 30, 40, 50])
      await writer.mutation(api.items.add, { rank, label: `r${rank}` });
    const reader = client();
    const pages: Item[][] = [];
    reader.onUpdate(api.items.page, { paginationOpts: { numItems: 2, cursor: null } }, (result) =>
      pages.push([...result.page]),
    );
    const ranks = () => pages.at(-1)?.map((item) => item.rank);
    await eventually(() => (ranks()?.length === 2 ? true : undefined));
    await writer.mutation(api.items.add, { rank: 15, label: 'r15' });
    await eventually(() => (ranks()?.length === 3 ? true : undefined));
    expect(ranks()).toEqual([10, 15, 20]);

    const before = proxy.accepted;
    proxy.dropAll();
    await eventually(() => (proxy.accepted > before && proxy.open > 0 ? true : undefined), 30_000);
    // The client re-adds the query with its journal: the page still ends at 20 and keeps growing.
    await writer.mutation(api.items.add, { rank: 12, label: 'r12' });
    await eventually(() => (ranks()?.length === 4 ? true : undefined), 30_000);
    expect(ranks()).toEqual([10, 12, 15, 20]);
  });

  test('an action cut off while it runs is not run again after the reconnect', async () => {
    const tag = crypto.randomUUID();
    const watcher = client(backend.url);
    const events: string[][] = [];
    watcher.onUpdate(api.runs.events, { tag }, (result) => events.push(result));
    const actor = client();
    const outcome = actor.action(api.runs.slow, { tag }).then(
      (value) => ({ value }),
      (error: unknown) => ({ error: (error as Error).message }),
    );
    // `slow` has started and waits to be released: cut its connection now.
    await eventually(() => (events.at(-1)?.includes('start') === true ? true : undefined));
    const before = proxy.accepted;
    proxy.dropAll();
    // convex 1.48 `RequestManager.restart()`: on reconnect an in-flight action fails at once and is
    // never re-sent (mutations are).
    expect(await outcome).toEqual({
      error: expect.stringContaining('Connection lost while action was in flight') as string,
    });
    expect(proxy.accepted).toBeGreaterThan(before);
    // Released through the new connection, so after the server saw all the client sent on it.
    await actor.mutation(api.runs.release, { tag });
    await eventually(() => (events.at(-1)?.includes('end') === true ? true : undefined), 30_000);
    expect(events.at(-1)).toEqual(['start', 'release', 'end']);
  });
});
