// End-to-end oracle: the official `convex` BaseConvexClient (public API, real code) talks to a
// scripted server that reads its frames with our parser and answers with our encoder.
import { BaseConvexClient } from 'convex/browser';
import { ConvexError } from 'convex/values';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { clientVersionFromSyncPath } from '../headers/client-version.ts';
import { parseAdminKey } from '../headers/admin-key.ts';
import { FakeWebSocket } from '../test-support/fake-web-socket.ts';
import { officialVersion } from '../test-support/official-convex.ts';
import { MIN_TIMESTAMP, makeTimestamp, type Timestamp } from '../timestamp.ts';
import { parseClientMessage, type ClientMessage } from './client-message.ts';
import { encodeServerMessage, type ServerMessage } from './server-message.ts';
import { splitTransition } from './split-transition.ts';
import { type StateVersion } from './state-version.ts';
import { type StateModification } from './transition-message.ts';

const ADDRESS = 'http://127.0.0.1:3210';
const clients: BaseConvexClient[] = [];

function newClient(): BaseConvexClient {
  const client = new BaseConvexClient(ADDRESS, () => {}, {
    webSocketConstructor: FakeWebSocket as unknown as typeof WebSocket,
    unsavedChangesWarning: false,
    skipConvexDeploymentUrlCheck: true,
    logger: false,
  });
  clients.push(client);
  return client;
}

afterEach(async () => {
  await Promise.all(clients.splice(0).map((client) => client.close()));
  FakeWebSocket.sockets.length = 0;
});

async function socketNumber(index: number): Promise<FakeWebSocket> {
  await vi.waitFor(() => expect(FakeWebSocket.sockets.length).toBeGreaterThan(index), {
    timeout: 5000,
  });
  return FakeWebSocket.sockets[index]!;
}

/** Waits until the client has sent `count` frames, then reads them with our parser. */
async function received(socket: FakeWebSocket, count: number): Promise<ClientMessage[]> {
  await vi.waitFor(() => expect(socket.sent.length).toBeGreaterThanOrEqual(count));
  return socket.takeSent().map(parseClientMessage);
}

function send(socket: FakeWebSocket, message: ServerMessage): void {
  socket.deliver(encodeServerMessage(message));
}

/** A Transition chain, as a sync server keeps one per connection. */
function transitions() {
  let version: StateVersion = { querySet: 0, identity: 0, ts: MIN_TIMESTAMP };
  return (
    end: Partial<StateVersion> & { ts: Timestamp },
    modifications: StateModification[],
  ): ServerMessage => {
    const startVersion = version;
    version = { ...version, ...end };
    return {
      type: 'Transition',
      startVersion,
      endVersion: version,
      modifications,
      clientClockSkew: 0,
      serverTs: 0,
    };
  };
}

const T1 = makeTimestamp(1_724_300_000_004_000_000n);
const T2 = makeTimestamp(1_724_300_000_010_000_000n);
const T3 = makeTimestamp(1_724_300_000_020_000_000n);
const T4 = makeTimestamp(1_724_300_000_030_000_123n);

describe('the official BaseConvexClient against our codec', () => {
  test('plays the worked example of spec §3.8, then chunks, actions, failures and a reconnect', async () => {
    const client = newClient();
    client.subscribe('messages:list', {});
    const socket = await socketNumber(0);
    expect(clientVersionFromSyncPath(new URL(socket.url).pathname)).toEqual({
      client: 'npm',
      version: officialVersion(),
    });

    const [connect, modify] = await received(socket, 2);
    expect(connect).toMatchObject({
      type: 'Connect',
      connectionCount: 0,
      lastCloseReason: 'InitialConnect',
    });
    expect(connect?.type === 'Connect' && typeof connect.clientTs).toBe('number');
    expect(modify).toEqual({
      type: 'ModifyQuerySet',
      baseVersion: 0,
      newVersion: 1,
      modifications: [{ type: 'Add', queryId: 0, udfPath: 'messages:list', args: [{}] }],
    });

    const next = transitions();
    send(
      socket,
      next({ querySet: 1, ts: T1 }, [
        { type: 'QueryUpdated', queryId: 0, value: [], logLines: [], journal: 'page-1' },
      ]),
    );
    expect(client.localQueryResult('messages:list', {})).toEqual([]);

    // A mutation resolves only once it has its response and a Transition at or past its ts.
    let resolved = false;
    const mutation = client.mutation('messages:send', { body: 'hi' }).then((result: unknown) => {
      resolved = true;
      return result;
    });
    expect(await received(socket, 1)).toEqual([
      { type: 'Mutation', requestId: 0, udfPath: 'messages:send', args: [{ body: 'hi' }] },
    ]);
    send(socket, {
      type: 'MutationResponse',
      requestId: 0,
      success: true,
      result: null,
      ts: T2,
      logLines: [],
    });
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(resolved).toBe(false);
    const doc = { _id: 'j57abc', _creationTime: 1724300000010.5, body: 'hi' };
    send(
      socket,
      next({ ts: T2 }, [
        { type: 'QueryUpdated', queryId: 0, value: [doc], logLines: [], journal: 'page-1' },
      ]),
    );
    expect(await mutation).toBeNull();
    expect(client.localQueryResult('messages:list', {})).toEqual([doc]);

    // A Transition split into TransitionChunks is reassembled by the client.
    const many = Array.from({ length: 50 }, (_, i) => ({ ...doc, body: `message ${i} ✉️` }));
    const big = encodeServerMessage(
      next({ ts: T3 }, [
        { type: 'QueryUpdated', queryId: 0, value: many, logLines: [], journal: 'page-2' },
      ]),
    );
    const chunks = splitTransition(big, { maxChunkLength: 301, transitionId: 'big-1' });
    expect(chunks.length).toBeGreaterThan(3);
    for (const chunk of chunks) send(socket, chunk);
    expect(client.localQueryResult('messages:list', {})).toEqual(many);

    // Action failures carry ConvexError data.
    const action = client.action('ai:run', { prompt: 'x' });
    expect(await received(socket, 1)).toEqual([
      { type: 'Action', requestId: 1, udfPath: 'ai:run', args: [{ prompt: 'x' }] },
    ]);
    send(socket, {
      type: 'ActionResponse',
      requestId: 1,
      success: false,
      result: 'quota',
      logLines: [],
      errorData: { code: 'QUOTA' },
    });
    const actionError: unknown = await action.catch((error: unknown) => error);
    expect(actionError).toBeInstanceOf(ConvexError);
    expect((actionError as ConvexError<{ code: string }>).data).toEqual({ code: 'QUOTA' });

    // A failed query surfaces as an error with its data.
    send(
      socket,
      next({ ts: T4 }, [
        {
          type: 'QueryFailed',
          queryId: 0,
          errorMessage: 'no access',
          logLines: [],
          journal: 'page-2',
          errorData: 'DENIED',
        },
      ]),
    );
    expect(() => client.localQueryResult('messages:list', {})).toThrow(ConvexError);

    // A transient close: the client reconnects and re-sends its state, with our ts and journal.
    socket.serverClose(1011, 'InternalServerError');
    const second = await socketNumber(1);
    const [reconnect, resubscribe] = await received(second, 2);
    expect(reconnect).toMatchObject({
      type: 'Connect',
      connectionCount: 1,
      lastCloseReason: 'InternalServerError',
      maxObservedTimestamp: T4,
    });
    expect(reconnect?.type === 'Connect' && reconnect.sessionId).toBe(
      connect?.type === 'Connect' && connect.sessionId,
    );
    expect(resubscribe).toEqual({
      type: 'ModifyQuerySet',
      baseVersion: 0,
      newVersion: 1,
      modifications: [
        { type: 'Add', queryId: 0, udfPath: 'messages:list', args: [{}], journal: 'page-2' },
      ],
    });
  });

  test('admin auth with an impersonated identity arrives as Authenticate and confirms with a Transition', async () => {
    const client = newClient();
    const identity = {
      issuer: 'https://auth.example.com',
      subject: 'u1',
      tokenIdentifier: 'https://auth.example.com|u1',
      name: 'Ann',
    };
    // setAdminAuth is @internal in the official types, but the CLI uses it.
    (client as unknown as { setAdminAuth(key: string, identity: object): void }).setAdminAuth(
      'prod:carnitas|0135d8',
      identity,
    );
    client.subscribe('_system/cli/tables', { paginationOpts: { numItems: 10, cursor: null } });
    const socket = await socketNumber(0);
    const messages = await received(socket, 3);
    expect(messages.map((message) => message.type)).toEqual([
      'Connect',
      'Authenticate',
      'ModifyQuerySet',
    ]);
    const authenticate = messages[1]!;
    expect(authenticate).toEqual({
      type: 'Authenticate',
      tokenType: 'Admin',
      value: 'prod:carnitas|0135d8',
      baseVersion: 0,
      impersonating: identity,
    });
    expect(
      authenticate.type === 'Authenticate' &&
        authenticate.tokenType === 'Admin' &&
        parseAdminKey(authenticate.value),
    ).toEqual({
      instanceName: 'carnitas',
      displayType: 'prod',
      secretPart: '0135d8',
    });
    const next = transitions();
    send(
      socket,
      next({ querySet: 1, identity: 1, ts: T1 }, [
        {
          type: 'QueryUpdated',
          queryId: 0,
          value: { page: [], isDone: true, continueCursor: 'end' },
          logLines: [],
          journal: null,
        },
      ]),
    );
    expect(
      client.localQueryResult('_system/cli/tables', {
        paginationOpts: { numItems: 10, cursor: null },
      }),
    ).toEqual({ page: [], isDone: true, continueCursor: 'end' });
  });

  test('a user token arrives as Authenticate with tokenType User', async () => {
    const client = newClient();
    const payload = btoa(
      JSON.stringify({ iss: 'https://auth.example.com', sub: 'u1', iat: 1, exp: 4102444800 }),
    ).replace(/=+$/, '');
    const jwt = `eyJhbGciOiJub25lIn0.${payload}.sig`;
    client.setAuth(
      () => Promise.resolve(jwt),
      () => {},
    );
    client.subscribe('messages:list', {});
    const socket = await socketNumber(0);
    const messages = await received(socket, 3);
    expect(messages.find((message) => message.type === 'Authenticate')).toEqual({
      type: 'Authenticate',
      tokenType: 'User',
      value: jwt,
      baseVersion: 0,
    });
  });
});
