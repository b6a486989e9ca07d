import { describe, expect, test } from 'vitest';
import { WebSocket as NodeWsWebSocket } from 'ws';
import { encodeTimestamp, makeTimestamp } from '@selfhost/protocol';
import { ScriptedSyncServer } from '../test-support/scripted-sync-server.ts';
import { ACTION_CONNECTION_LOST } from './request-manager.ts';
import { BaseConvexClient as OfficialBaseConvexClient } from 'convex/browser';
import { BaseConvexClient } from './base-convex-client.ts';

async function waitFor(condition: () => boolean): Promise<void> {
  for (let i = 0; i < 250 && !condition(); i++)
    await new Promise((resolve) => setTimeout(resolve, 20));
  expect(condition()).toBe(true);
}

const ts = (n: number) => encodeTimestamp(makeTimestamp(BigInt(n)));
const version = (querySet: number, identity: number, at: number) => ({
  querySet,
  identity,
  ts: ts(at),
});

// The global WebSocket (browsers, Node 24) and the `ws` package must both work — and the
// official client must pass the same script, which keeps the script honest.
const cases = [
  ['ours', 'global WebSocket', BaseConvexClient, globalThis.WebSocket],
  ['ours', 'ws package', BaseConvexClient, NodeWsWebSocket as unknown as typeof WebSocket],
  [
    'convex/browser',
    'ws package',
    OfficialBaseConvexClient as unknown as typeof BaseConvexClient,
    NodeWsWebSocket as unknown as typeof WebSocket,
  ],
] as const;

describe.each(cases)(
  'BaseConvexClient (%s, %s) over a scripted server',
  (_client, _socket, BaseConvexClient, webSocketConstructor) => {
    test('resolves a mutation only after its Transition, and re-sends state in order after a drop', async () => {
      await using server = await ScriptedSyncServer.start();
      const client = new BaseConvexClient(server.url, () => {}, {
        webSocketConstructor,
        logger: false,
        unsavedChangesWarning: false,
      });
      try {
        client.setAdminAuth('admin-key');
        const { queryToken } = client.subscribe('messages:list', {});

        // First connection: Connect, then what was queued before it opened.
        const first = await server.nextConnection();
        expect(server.paths[0]).toBe('/api/1.48.0/sync');
        expect(await first.next()).toMatchObject({
          type: 'Connect',
          connectionCount: 0,
          lastCloseReason: 'InitialConnect',
        });
        expect(await first.next()).toEqual({
          type: 'Authenticate',
          tokenType: 'Admin',
          value: 'admin-key',
          baseVersion: 0,
        });
        expect(await first.next()).toEqual({
          type: 'ModifyQuerySet',
          baseVersion: 0,
          newVersion: 1,
          modifications: [{ type: 'Add', queryId: 0, udfPath: 'messages:list', args: [{}] }],
        });
        first.send({
          type: 'Transition',
          startVersion: version(0, 0, 0),
          endVersion: version(1, 1, 10),
          modifications: [
            { type: 'QueryUpdated', queryId: 0, value: [], logLines: [], journal: 'j1' },
          ],
        });
        await waitFor(() => client.localQueryResultByToken(queryToken) !== undefined);
        expect(client.localQueryResultByToken(queryToken)).toEqual([]);

        let sent: unknown = 'pending';
        const sending = client
          .mutation('messages:send', { body: 'hi' })
          .then((value: unknown) => (sent = value));
        expect(await first.next()).toEqual({
          type: 'Mutation',
          requestId: 0,
          udfPath: 'messages:send',
          args: [{ body: 'hi' }],
        });
        first.send({
          type: 'MutationResponse',
          requestId: 0,
          success: true,
          result: 'id1',
          ts: ts(20),
          logLines: [],
        });
        await new Promise((resolve) => setTimeout(resolve, 100));
        expect(sent).toBe('pending'); // answered, but its writes are not in a Transition yet
        first.send({
          type: 'Transition',
          startVersion: version(1, 1, 10),
          endVersion: version(1, 1, 20),
          modifications: [
            {
              type: 'QueryUpdated',
              queryId: 0,
              value: [{ body: 'hi' }],
              logLines: [],
              journal: 'j2',
            },
          ],
        });
        await sending;
        expect(sent).toBe('id1');
        expect(client.localQueryResultByToken(queryToken)).toEqual([{ body: 'hi' }]);

        // A second mutation is answered, an action is in flight, then the server crashes.
        let second: unknown = 'pending';
        const secondDone = client
          .mutation('messages:send', { body: 'again' })
          .then((value: unknown) => (second = value));
        const action = client.action('ai:summarize', {});
        expect(await first.next()).toMatchObject({ type: 'Mutation', requestId: 1 });
        expect(await first.next()).toMatchObject({ type: 'Action', requestId: 2 });
        first.send({
          type: 'MutationResponse',
          requestId: 1,
          success: true,
          result: 'id2',
          ts: ts(30),
          logLines: [],
        });
        await new Promise((resolve) => setTimeout(resolve, 50));
        first.drop();
        await expect(action).rejects.toThrow(`[CONVEX A(ai:summarize)] ${ACTION_CONNECTION_LOST}`);

        // Reconnect (after backoff): Connect → Authenticate → ModifyQuerySet(with journal) → the answered mutation, same id.
        const reconnected = await server.nextConnection();
        expect(await reconnected.next()).toMatchObject({
          type: 'Connect',
          connectionCount: 1,
          maxObservedTimestamp: ts(30),
        });
        expect(await reconnected.next()).toEqual({
          type: 'Authenticate',
          tokenType: 'Admin',
          value: 'admin-key',
          baseVersion: 0,
        });
        expect(await reconnected.next()).toEqual({
          type: 'ModifyQuerySet',
          baseVersion: 0,
          newVersion: 1,
          modifications: [
            { type: 'Add', queryId: 0, udfPath: 'messages:list', args: [{}], journal: 'j2' },
          ],
        });
        expect(await reconnected.next()).toEqual({
          type: 'Mutation',
          requestId: 1,
          udfPath: 'messages:send',
          args: [{ body: 'again' }],
        });
        expect(second).toBe('pending');
        reconnected.send({
          type: 'MutationResponse',
          requestId: 1,
          success: true,
          result: 'id2',
          ts: ts(30),
          logLines: [],
        });
        reconnected.send({
          type: 'Transition',
          startVersion: version(0, 0, 0),
          endVersion: version(1, 1, 30),
          modifications: [
            {
              type: 'QueryUpdated',
              queryId: 0,
              value: [{ body: 'hi' }, { body: 'again' }],
              logLines: [],
              journal: 'j3',
            },
          ],
        });
        await secondDone;
        expect(second).toBe('id2');
        expect(client.connectionState()).toMatchObject({
          isWebSocketConnected: true,
          connectionCount: 2,
          inflightMutations: 0,
          inflightActions: 0,
        });
      } finally {
        await client.close();
      }
    });

    test('close() while still connecting resolves and never reconnects', async () => {
      await using server = await ScriptedSyncServer.start();
      const client = new BaseConvexClient(server.url, () => {}, {
        webSocketConstructor,
        logger: false,
        unsavedChangesWarning: false,
      });
      await client.close();
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(client.connectionState().isWebSocketConnected).toBe(false);
    });
  },
);
