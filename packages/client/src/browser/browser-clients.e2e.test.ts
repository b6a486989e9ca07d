// The browser clients against the real backend executable, with the `sync-app` fixture
// deployed by the `selfhost` CLI. The sync client (compat spec §3): reactivity, mutation
// ordering, optimistic updates rolled back on a failed mutation, and reconnects after the
// connection drops at each point of a mutation's life — a TCP proxy between client and backend
// (`FlakyNetwork`) breaks the connection the way a network does. The HTTP client (§2.1):
// queries, mutations, actions, consistent queries and errors. The official `convex/browser`
// clients run the same suites, which keeps the suites and the backend honest.
import {
  ConvexClient as OfficialConvexClient,
  ConvexHttpClient as OfficialConvexHttpClient,
} from 'convex/browser';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startDeployedBackend } from '../cli/test-support/deployed-backend.ts';
import type { SpawnedBackend } from '../cli/test-support/spawn-backend.ts';
import { makeFunctionReference } from '../server/api/make-function-reference.ts';
import type { PaginationOptions, PaginationResult } from '../server/pagination/pagination.ts';
import { ConvexClient, type ConvexClientOptions } from './convex-client.ts';
import { ConvexHttpClient } from './http/convex-http-client.ts';
import type { OptimisticLocalStore } from './sync/optimistic-local-store.ts';
import { FlakyNetwork, type SyncMessage } from './test-support/flaky-network.ts';

const implementations = [
  ['@selfhost/client/browser', ConvexClient],
  ['convex/browser', OfficialConvexClient as unknown as typeof ConvexClient],
] as const;

const list = makeFunctionReference<'query', { channel: string }, string[]>('messages:list');
const page = makeFunctionReference<
  'query',
  { channel: string; paginationOpts: PaginationOptions },
  PaginationResult<string>
>('messages:page');
const send = makeFunctionReference<'mutation', { channel: string; body: string }, string>(
  'messages:send',
);
const counter = makeFunctionReference<'query', { name: string }, number>('counters:get');
const increment = makeFunctionReference<'mutation', { name: string }, number>('counters:increment');
const summarize = makeFunctionReference<'action', { channel: string }, string>('actions:summarize');
const sleep = makeFunctionReference<'action', { ms: number }, string>('actions:sleep');

const options: ConvexClientOptions = { logger: false, unsavedChangesWarning: false };

let backend: SpawnedBackend;
beforeAll(async () => {
  backend = await startDeployedBackend('sync-app');
}, 180_000);
afterAll(async () => {
  await backend.stop();
});

/** A client with a disposable `using` handle, so a failing test still closes it. */
function open(
  Client: typeof ConvexClient,
  url: string,
  extra: ConvexClientOptions = {},
): ConvexClient & AsyncDisposable {
  const client = new Client(url, { ...options, ...extra });
  return Object.assign(client, { [Symbol.asyncDispose]: () => client.close() });
}

/**
 * Polling options: generous, for loaded CI machines and for reconnects (the client backs off
 * about 1 s after a dropped connection).
 */
const patiently = { timeout: 10_000 } as const;

const messageType = (type: string) => (message: SyncMessage) => message.type === type;

describe.each(implementations)('sync client against the real backend (%s)', (impl, Client) => {
  test('a query follows another client’s mutations; a resolved mutation is already visible', async () => {
    const channel = `reactive-${impl}`;
    await using reader = open(Client, backend.url);
    await using writer = open(Client, backend.url);
    const seen: string[][] = [];
    reader.onUpdate(list, { channel }, (bodies) => seen.push(bodies));
    writer.onUpdate(list, { channel }, () => {});

    await writer.mutation(send, { channel, body: 'one' });
    // Read-your-writes: the writer's own subscription has the message when the promise resolves.
    expect(writer.client.localQueryResult('messages:list', { channel })).toEqual(['one']);
    await expect
      .poll(() => reader.client.localQueryResult('messages:list', { channel }), patiently)
      .toEqual(['one']);
    expect(seen.at(-1)).toEqual(['one']);
    expect(await reader.query(list, { channel })).toEqual(['one']);
  });

  test('mutations from one client apply in the order they were called', async () => {
    const channel = `order-${impl}`;
    await using client = open(Client, backend.url);
    client.onUpdate(list, { channel }, () => {});
    const bodies = Array.from({ length: 20 }, (_, index) => `m${index}`);
    const visibleOnResolve: boolean[] = [];
    await Promise.all(
      bodies.map(async (body) => {
        await client.mutation(send, { channel, body });
        const now = client.client.localQueryResult('messages:list', { channel }) as string[];
        visibleOnResolve.push(now.includes(body));
      }),
    );
    expect(visibleOnResolve).toEqual(bodies.map(() => true));
    expect(await client.query(list, { channel })).toEqual(bodies);
  });

  test('an optimistic update shows at once and is rolled back when the mutation throws', async () => {
    const channel = `optimistic-${impl}`;
    await using client = open(Client, backend.url);
    await using other = open(Client, backend.url);
    const seen: string[][] = [];
    client.onUpdate(list, { channel }, (bodies) => seen.push(bodies));
    await client.mutation(send, { channel, body: 'kept' });

    const appendBody = {
      optimisticUpdate: (store: OptimisticLocalStore, args: { channel: string; body: string }) => {
        const current = store.getQuery(list, { channel: args.channel });
        if (current !== undefined)
          store.setQuery(list, { channel: args.channel }, [...current, `${args.body}…`]);
      },
    };
    const failing = client.mutation(send, { channel, body: 'fail-1' }, appendBody);
    expect(client.client.localQueryResult('messages:list', { channel })).toEqual([
      'kept',
      'fail-1…',
    ]);
    await expect(failing).rejects.toThrow(/\[CONVEX M\(messages:send\)\] .*refused: fail-1/s);
    expect(client.client.localQueryResult('messages:list', { channel })).toEqual(['kept']);
    expect(seen.at(-1)).toEqual(['kept']);
    // The insert before the throw was not committed.
    expect(await other.query(list, { channel })).toEqual(['kept']);

    // The next one is shown optimistically, then replaced by the server's result.
    const succeeding = client.mutation(send, { channel, body: 'two' }, appendBody);
    expect(client.client.localQueryResult('messages:list', { channel })).toEqual(['kept', 'two…']);
    await succeeding;
    expect(client.client.localQueryResult('messages:list', { channel })).toEqual(['kept', 'two']);
  });

  test('ConvexError data reaches the client', async () => {
    await using client = open(Client, backend.url);
    const error = await client
      .mutation(send, { channel: 'errors', body: '' })
      .catch((thrown: unknown) => thrown);
    expect(error).toMatchObject({ data: { code: 'EMPTY', field: 'body' } });
    expect((error as Error).message).toMatch(
      /^\[CONVEX M\(messages:send\)\] \[Request ID: [0-9a-f]+\] Server Error\nUncaught ConvexError: /,
    );
  });

  describe('when the connection drops', () => {
    test('before the mutation response: it is re-sent, runs once and resolves', async () => {
      await using network = await FlakyNetwork.start(backend.url);
      const name = `before-response-${impl}`;
      await using client = open(Client, network.url, { webSocketConstructor: network.WebSocket });
      client.onUpdate(counter, { name }, () => {});
      expect(await client.mutation(increment, { name })).toBe(1);

      network.cutBefore(messageType('MutationResponse'));
      expect(await client.mutation(increment, { name })).toBe(2);
      expect(network.cuts).toBe(1);
      expect(network.connections).toBe(2);
      // The re-sent mutation kept its request id: the server replayed it instead of running it.
      const sent = network.sent.filter(messageType('Mutation'));
      expect(sent.map((message) => message['requestId'])).toEqual([0, 1, 1]);
      expect(client.client.localQueryResult('counters:get', { name })).toBe(2);
      expect(await client.query(counter, { name })).toBe(2);
    });

    test('after the response but before its Transition: it still resolves, and runs once', async () => {
      await using network = await FlakyNetwork.start(backend.url);
      const name = `before-transition-${impl}`;
      await using client = open(Client, network.url, { webSocketConstructor: network.WebSocket });
      client.onUpdate(counter, { name }, () => {});
      await client.mutation(increment, { name });

      let answered = false;
      network.cutBefore((message) => {
        if (message.type === 'MutationResponse') answered = true;
        return answered && message.type === 'Transition';
      });
      expect(await client.mutation(increment, { name })).toBe(2);
      expect(network.cuts).toBe(1);
      expect(network.sent.filter(messageType('Mutation'))).toHaveLength(3);
      expect(await client.query(counter, { name })).toBe(2);
    });

    test('while disconnected: mutations wait, then run once each, in order', async () => {
      await using network = await FlakyNetwork.start(backend.url);
      const channel = `offline-${impl}`;
      await using client = open(Client, network.url, { webSocketConstructor: network.WebSocket });
      client.onUpdate(list, { channel }, () => {});
      await client.mutation(send, { channel, body: 'online' });

      network.setDown(true);
      network.dropConnections();
      await expect.poll(() => client.connectionState().isWebSocketConnected, patiently).toBe(false);
      const queued = ['a', 'b', 'c'].map(
        async (body) => await client.mutation(send, { channel, body }),
      );
      network.setDown(false);
      await Promise.all(queued);
      expect(client.client.localQueryResult('messages:list', { channel })).toEqual([
        'online',
        'a',
        'b',
        'c',
      ]);
      expect(await client.query(list, { channel })).toEqual(['online', 'a', 'b', 'c']);
    });

    test('subscriptions resume with their page boundaries, and follow new writes', async () => {
      await using network = await FlakyNetwork.start(backend.url);
      const channel = `resume-${impl}`;
      await using writer = open(Client, backend.url);
      await using client = open(Client, network.url, { webSocketConstructor: network.WebSocket });
      for (const body of ['p1', 'p2', 'p3']) await writer.mutation(send, { channel, body });
      const args = { channel, paginationOpts: { numItems: 2, cursor: null } };
      const pages: PaginationResult<string>[] = [];
      client.onUpdate(page, args, (result) => pages.push(result));
      await expect.poll(() => pages.at(-1)?.page, patiently).toEqual(['p3', 'p2']);
      const bodies: string[][] = [];
      client.onUpdate(list, { channel }, (result) => bodies.push(result));
      await expect.poll(() => bodies.length, patiently).toBeGreaterThan(0);

      network.dropConnections();
      await expect.poll(() => client.connectionState().isWebSocketConnected, patiently).toBe(false);
      // Written while the client is away: it must see it after reconnecting.
      await writer.mutation(send, { channel, body: 'p4' });
      await expect.poll(() => bodies.at(-1), patiently).toEqual(['p1', 'p2', 'p3', 'p4']);
      expect(network.connections).toBe(2);
      // The first page kept its end at p2 (its journal went back with the query), so the new
      // message made it grow instead of pushing p2 out of it.
      expect(pages.at(-1)?.page).toEqual(['p4', 'p3', 'p2']);
    });

    test('an action in flight fails and is not re-sent', async () => {
      await using network = await FlakyNetwork.start(backend.url);
      await using client = open(Client, network.url, { webSocketConstructor: network.WebSocket });
      expect(await client.action(sleep, { ms: 0 })).toBe('awake');
      const slow = client.action(sleep, { ms: 2_000 });
      await expect.poll(() => network.sent.filter(messageType('Action')).length, patiently).toBe(2);
      network.dropConnections();
      await expect(slow).rejects.toThrow('Connection lost while action was in flight');
      await expect.poll(() => client.connectionState().isWebSocketConnected, patiently).toBe(true);
      expect(await client.action(sleep, { ms: 0 })).toBe('awake');
      expect(network.sent.filter(messageType('Action'))).toHaveLength(3);
    });
  });
});

const httpImplementations = [
  ['@selfhost/client/browser', ConvexHttpClient],
  ['convex/browser', OfficialConvexHttpClient as unknown as typeof ConvexHttpClient],
] as const;

describe.each(httpImplementations)('HTTP client against the real backend (%s)', (impl, Client) => {
  test('queries, mutations, actions and consistent queries', async () => {
    const channel = `http-${impl}`;
    const client = new Client(backend.url, { logger: false });
    expect(await client.query(list, { channel })).toEqual([]);
    expect(await client.mutation(send, { channel, body: 'over http' })).toMatch(/^[a-z0-9]+$/);
    expect(await client.query(list, { channel })).toEqual(['over http']);
    expect(await client.action(summarize, { channel })).toBe(`1 in ${channel}: over http`);
    const before = await client.consistentQuery(list, { channel });
    // Another writer: a consistent query keeps reading at the client's first snapshot.
    await new Client(backend.url, { logger: false }).mutation(send, { channel, body: 'later' });
    expect(await client.consistentQuery(list, { channel })).toEqual(before);
    expect(await client.query(list, { channel })).toEqual(['over http', 'later']);
  });

  test('function errors: the message, and ConvexError data', async () => {
    const client = new Client(backend.url, { logger: false });
    await expect(
      client.mutation(send, { channel: 'http-errors', body: 'fail-http' }),
    ).rejects.toThrow(
      /^\[Request ID: [0-9a-f]+\] Server Error\nUncaught Error: refused: fail-http/,
    );
    const error = await client
      .mutation(send, { channel: 'http-errors', body: '' })
      .catch((thrown: unknown) => thrown);
    expect(error).toMatchObject({ data: { code: 'EMPTY', field: 'body' } });
    expect(await client.query(list, { channel: 'http-errors' })).toEqual([]);
  });
});
