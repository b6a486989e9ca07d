// End to end over a real WebSocket with the OFFICIAL `convex/browser` client, unmodified, against
// sessions mounted on a `ws` server with the test host (real database). The lead runs the same
// kind of test against the whole backend.
import { ConvexClient } from 'convex/browser';
import { makeFunctionReference } from 'convex/server';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { SyncEngine } from './sync-engine.ts';
import { until } from './test-support/fake-socket.ts';
import { listTable, testJwt, TestHost } from './test-support/test-host.ts';
import { serveSync, type SyncTestServer } from './test-support/ws-server.ts';

const list = makeFunctionReference<'query', Record<string, never>, { body: string }[]>(
  'messages:list',
);
const whoami = makeFunctionReference<'query', Record<string, never>, string | null>(
  'messages:whoami',
);
const big = makeFunctionReference<'query', Record<string, never>, string>('blobs:big');
const send = makeFunctionReference<'mutation', { body: string }, null>('messages:send');
const refuse = makeFunctionReference<'mutation', Record<string, never>, null>('messages:refuse');
const shout = makeFunctionReference<'action', { body: string }, string>('messages:shout');

const bigValue = 'ü'.repeat(50_000);

let host: TestHost;
let engine: SyncEngine;
let server: SyncTestServer;
const clients: ConvexClient[] = [];

function client(): ConvexClient {
  const created = new ConvexClient(server.url, {
    skipConvexDeploymentUrlCheck: true,
    logger: false,
  });
  clients.push(created);
  return created;
}

beforeEach(async () => {
  host = await TestHost.open({
    queries: {
      'messages:list': async ({ db }) => listTable(db, 'messages'),
      'messages:whoami': ({ identity }) => Promise.resolve(identity.name),
      'blobs:big': () => Promise.resolve(bigValue),
    },
    mutations: {
      'messages:send': async ({ db }, args) => {
        await db.insert('messages', { body: args['body'] });
        return null;
      },
      'messages:refuse': () => Promise.reject(new Error('not allowed')),
    },
    actions: {
      'messages:shout': async ({ runMutation }, args) => {
        await runMutation('messages:send', { body: (args['body'] as string).toUpperCase() });
        return 'shouted';
      },
    },
  });
  // Small chunk threshold: the official client has to reassemble TransitionChunks.
  engine = new SyncEngine({
    host,
    limits: { transitionChunkThreshold: 20_000, transitionChunkLength: 8_000 },
  });
  server = await serveSync(engine, { countTypes: true });
});

afterEach(async () => {
  await Promise.all(clients.splice(0).map((c) => c.close()));
  await engine.stop();
  await server.close();
  await host.close();
});

describe('the official convex client', () => {
  test('subscribes, sees another client’s mutation, and its own mutation promise resolves', async () => {
    const reader = client();
    const writer = client();
    const seen: { body: string }[][] = [];
    reader.onUpdate(list, {}, (messages) => seen.push(messages));
    await until(() => seen.length === 1);
    expect(seen[0]).toEqual([]);

    await expect(writer.mutation(send, { body: 'hi' })).resolves.toBeNull();
    await until(() => seen.length === 2);
    expect(seen[1]).toMatchObject([{ body: 'hi' }]);
    // Read-your-writes: the writer's own query sees the commit right away.
    expect(await writer.query(list, {})).toMatchObject([{ body: 'hi' }]);
  });

  test('a failing mutation rejects with the server message; actions resolve and their writes arrive', async () => {
    const c = client();
    await expect(c.mutation(refuse, {})).rejects.toThrow(/Uncaught Error: not allowed/);
    const seen: { body: string }[][] = [];
    c.onUpdate(list, {}, (messages) => seen.push(messages));
    await expect(c.action(shout, { body: 'hey' })).resolves.toBe('shouted');
    await until(() => seen.some((messages) => messages.length === 1));
    expect(seen.at(-1)).toMatchObject([{ body: 'HEY' }]);
  });

  test('setAuth authenticates the session and queries re-run as the user', async () => {
    const c = client();
    const names: (string | null)[] = [];
    c.onUpdate(whoami, {}, (name) => names.push(name));
    await until(() => names.length === 1);
    expect(names[0]).toBeNull();
    let authenticated: boolean | undefined;
    c.setAuth(
      () => Promise.resolve(testJwt('ada')),
      (isAuthenticated) => {
        authenticated = isAuthenticated;
      },
    );
    await until(() => names.at(-1) === 'ada' && authenticated === true);
  });

  test('after the server drops the connection the client reconnects, resubscribes and re-sends; nothing runs twice', async () => {
    const c = client();
    const seen: { body: string }[][] = [];
    c.onUpdate(list, {}, (messages) => seen.push(messages));
    await until(() => seen.length === 1);
    await c.mutation(send, { body: 'before' });
    await until(() => seen.at(-1)?.length === 1);
    const connections = engine.stats.sessions;
    server.dropConnections(1011, 'InternalServerError');
    await until(() => engine.stats.sessions === 0);
    // Queued while disconnected: sent after the reconnect (Connect, ModifyQuerySet, Mutation).
    const pending = c.mutation(send, { body: 'after' });
    await expect(pending).resolves.toBeNull();
    await until(() => seen.at(-1)?.length === 2);
    expect(seen.at(-1)).toMatchObject([{ body: 'before' }, { body: 'after' }]);
    expect(engine.stats.sessions).toBe(connections);
    expect(host.mutationRuns.get('messages:send')).toBe(2);
  });

  test('a big result reaches the client as TransitionChunks it reassembles', async () => {
    const c = client();
    await expect(c.query(big, {})).resolves.toBe(bigValue);
    expect(server.sentTypes.get('TransitionChunk')).toBeGreaterThan(1);
  });
});
