// Issue 7 acceptance: the OFFICIAL `convex/browser` ConvexClient (unmodified, on the `ws`
// package's WebSocket, as Node apps run it) against the backend executable over real sockets.
import { ConvexClient } from 'convex/browser';
import { WebSocket } from 'ws';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { api, type Item, type ItemPage, type Note } from './support/sync-app.ts';
import { eventually, startSyncBackend, type SyncBackend } from './support/sync-backend.ts';

let backend: SyncBackend;
const clients: ConvexClient[] = [];

function client(): ConvexClient {
  const created = new ConvexClient(backend.url, {
    skipConvexDeploymentUrlCheck: true,
    logger: false,
    webSocketConstructor: WebSocket as unknown as typeof globalThis.WebSocket,
  });
  clients.push(created);
  return created;
}

beforeAll(async () => {
  backend = await startSyncBackend();
});

afterAll(async () => {
  await Promise.all(clients.map((c) => c.close()));
  await backend?.stop();
});

describe('the official ConvexClient against the backend', () => {
  test('a subscriber receives the result of another client’s mutation', async () => {
    const reader = client();
    const writer = client();
    const seen: Note[][] = [];
    reader.onUpdate(api.notes.byClient, { client: 'writer-a' }, (notes) => seen.push(notes));
    await eventually(() => (seen.length > 0 ? true : undefined));
    expect(seen[0]).toEqual([]);

    const id = await writer.mutation(api.notes.add, { client: 'writer-a', seq: 1, body: 'hello' });
    const latest = await eventually(() => (seen.at(-1)?.length === 1 ? seen.at(-1) : undefined));
    expect(latest).toMatchObject([{ _id: id, client: 'writer-a', seq: 1, body: 'hello' }]);
    // The writer's own promise resolved only once its subscriptions could reflect the write.
    expect(await writer.query(api.notes.byClient, { client: 'writer-a' })).toHaveLength(1);
  });

  test('the results a subscriber sees never go back in time while others write', async () => {
    const watcher = client();
    const counts: number[] = [];
    const lists: Note[][] = [];
    watcher.onUpdate(api.notes.count, {}, (count) => counts.push(count));
    watcher.onUpdate(api.notes.byClient, { client: 'burst' }, (notes) => lists.push(notes));
    await eventually(() => (counts.length > 0 && lists.length > 0 ? true : undefined));
    const start = counts.at(-1)!;

    const writers = [client(), client(), client()];
    await Promise.all(
      writers.map(async (writer, w) => {
        for (let i = 0; i < 10; i++)
          await writer.mutation(api.notes.add, {
            client: 'burst',
            seq: w * 100 + i,
            body: `w${w} #${i}`,
          });
      }),
    );
    await eventually(() =>
      counts.at(-1) === start + 30 && lists.at(-1)?.length === 30 ? true : undefined,
    );
    for (let i = 1; i < counts.length; i++)
      expect(counts[i]).toBeGreaterThanOrEqual(counts[i - 1]!);
    // Each update of the list holds every note of the one before it: nothing disappears again.
    for (let i = 1; i < lists.length; i++) {
      const now = new Set(lists[i]!.map((n) => n._id));
      expect(lists[i - 1]!.every((n) => now.has(n._id))).toBe(true);
    }
  });

  test('a paginated subscription grows when a document lands inside a loaded page', async () => {
    const writer = client();
    for (const rank of [10, 20, 30, 40, 50, 60, 70])
      await writer.mutation(api.items.add, { rank, label: `r${rank}` });
    const reader = client();
    const pages: { results: Item[]; status: string }[] = [];
    // The experimental API's declared types (whole args, a PaginationResult) differ from what it
    // takes and passes at run time: args without paginationOpts, and { results, status, loadMore }.
    const unsubscribe = reader.onPaginatedUpdate_experimental(
      api.items.page,
      {} as never,
      { initialNumItems: 3 },
      (result) => pages.push(result as unknown as { results: Item[]; status: string }),
    );
    const ranks = () => pages.at(-1)?.results.map((item) => item.rank);
    await eventually(() => (ranks()?.length === 3 ? true : undefined));
    expect(ranks()).toEqual([10, 20, 30]);

    // Inside the loaded page: the page keeps its end (30) and grows (journal end cursor).
    await writer.mutation(api.items.add, { rank: 15, label: 'r15' });
    await eventually(() => (ranks()?.length === 4 ? true : undefined));
    expect(ranks()).toEqual([10, 15, 20, 30]);
    // After the page: not part of what is loaded.
    await writer.mutation(api.items.add, { rank: 35, label: 'r35' });
    await writer.mutation(api.items.add, { rank: 5, label: 'r5' });
    await eventually(() => (ranks()?.length === 5 ? true : undefined));
    expect(ranks()).toEqual([5, 10, 15, 20, 30]);
    unsubscribe();
  });

  test('a paginated query subscribed directly carries its end cursor in the journal', async () => {
    const reader = client();
    const seen: ItemPage[] = [];
    reader.onUpdate(api.items.page, { paginationOpts: { numItems: 2, cursor: null } }, (result) =>
      seen.push(result),
    );
    await eventually(() => (seen.length > 0 ? true : undefined));
    const first = seen.at(-1)!;
    expect(first.page.map((item) => item.rank)).toEqual([5, 10]);
    await client().mutation(api.items.add, { rank: 7, label: 'r7' });
    await eventually(() => (seen.at(-1)!.page.length === 3 ? true : undefined));
    expect(seen.at(-1)!.page.map((item) => item.rank)).toEqual([5, 7, 10]);
    expect(seen.at(-1)!.continueCursor).toBe(first.continueCursor);
  });
});
