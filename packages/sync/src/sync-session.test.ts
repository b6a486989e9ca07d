import { encodeTimestamp, makeTimestamp, parseServerMessage } from '@selfhost/protocol';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { SyncEngine } from './sync-engine.ts';
import {
  connect,
  connectMessage,
  FakeSocket,
  settle,
  until,
  type TestConnection,
} from './test-support/fake-socket.ts';
import { listTable, TestHost } from './test-support/test-host.ts';
import { WireNormalizer } from './test-support/wire-normalizer.ts';

let host: TestHost;
let engine: SyncEngine;

beforeEach(async () => {
  host = await TestHost.open({
    queries: {
      'messages:list': async ({ db }) => listTable(db, 'messages'),
      'messages:whoami': ({ identity }) => Promise.resolve(identity.name),
      'messages:fail': () => Promise.reject(new Error('no way')),
    },
    mutations: {
      'messages:send': async ({ db }, args) => {
        await db.insert('messages', { body: args['body'] });
        return null;
      },
      'messages:fail': () => Promise.reject(new Error('refused')),
    },
    actions: {
      'messages:shout': async ({ runMutation }, args) => {
        await runMutation('messages:send', { body: (args['body'] as string).toUpperCase() });
        return 'done';
      },
    },
  });
  engine = new SyncEngine({ host });
});

afterEach(async () => {
  await engine.stop();
  await host.close();
});

function subscribe(c: TestConnection, queryId = 0, udfPath = 'messages:list'): void {
  c.send({
    type: 'ModifyQuerySet',
    baseVersion: queryId,
    newVersion: queryId + 1,
    modifications: [{ type: 'Add', queryId, udfPath, args: [{}] }],
  });
}

describe('SyncSession', () => {
  test('the worked example of compat §3.8, message by message', async () => {
    const wire = new WireNormalizer();
    const c = connect(engine, { clientVersion: { client: 'npm', version: '1.48.0' } });
    c.send({ ...connectMessage(), clientTs: Date.now() - 3 });
    subscribe(c);
    await until(() => c.socket.unread === 1);
    expect(wire.normalize(c.socket.take())).toMatchInlineSnapshot(`
      [
        {
          "clientClockSkew": "<skew>",
          "endVersion": {
            "identity": 0,
            "querySet": 1,
            "ts": "<T1>",
          },
          "modifications": [
            {
              "journal": null,
              "logLines": [],
              "queryId": 0,
              "type": "QueryUpdated",
              "value": [],
            },
          ],
          "serverTs": "<serverTs>",
          "startVersion": {
            "identity": 0,
            "querySet": 0,
            "ts": "AAAAAAAAAAA=",
          },
          "type": "Transition",
        },
      ]
    `);

    c.send({ type: 'Mutation', requestId: 0, udfPath: 'messages:send', args: [{ body: 'hi' }] });
    await until(() => c.socket.unread === 2);
    const frames = c.socket.take();
    expect(wire.normalize(frames)).toMatchInlineSnapshot(`
      [
        {
          "logLines": [],
          "requestId": 0,
          "result": null,
          "success": true,
          "ts": "<T2>",
          "type": "MutationResponse",
        },
        {
          "clientClockSkew": "<skew>",
          "endVersion": {
            "identity": 0,
            "querySet": 1,
            "ts": "<T2>",
          },
          "modifications": [
            {
              "journal": null,
              "logLines": [],
              "queryId": 0,
              "type": "QueryUpdated",
              "value": [
                {
                  "_creationTime": "<creationTime>",
                  "_id": "<id>",
                  "body": "hi",
                },
              ],
            },
          ],
          "serverTs": "<serverTs>",
          "startVersion": {
            "identity": 0,
            "querySet": 1,
            "ts": "<T1>",
          },
          "type": "Transition",
        },
      ]
    `);
    // The Transition reaches the mutation's commit ts, and every frame parses as the protocol says.
    const response = parseServerMessage(JSON.stringify(frames[0]));
    const transition = parseServerMessage(JSON.stringify(frames[1]));
    expect(
      response.type === 'MutationResponse' &&
        response.success &&
        transition.type === 'Transition' &&
        transition.endVersion.ts >= response.ts,
    ).toBe(true);
  });

  test('a message before Connect is a FatalError; other sessions carry on', async () => {
    const bad = connect(engine);
    const good = connect(engine);
    good.send(connectMessage());
    subscribe(bad);
    subscribe(good);
    await until(() => good.socket.unread === 1);
    expect(bad.socket.take()).toMatchInlineSnapshot(`
      [
        {
          "error": "Expected a Connect message first, received ModifyQuerySet.",
          "type": "FatalError",
        },
      ]
    `);
    expect(bad.socket.closed).toMatchInlineSnapshot(`
      {
        "code": 1000,
        "reason": "MessageBeforeConnect",
      }
    `);
    expect(bad.session.state).toBe('closed');
    expect(good.socket.take()[0]).toMatchObject({
      type: 'Transition',
      modifications: [{ type: 'QueryUpdated', queryId: 0, value: [] }],
    });
    expect(engine.stats.sessions).toBe(1);
  });

  test('BaseVersionMismatch, a non-increasing version, a duplicate Add and an unknown Remove are FatalErrors', () => {
    const cases: Record<string, unknown>[] = [
      { type: 'ModifyQuerySet', baseVersion: 1, newVersion: 2, modifications: [] },
      { type: 'ModifyQuerySet', baseVersion: 0, newVersion: 0, modifications: [] },
      {
        type: 'ModifyQuerySet',
        baseVersion: 0,
        newVersion: 1,
        modifications: [
          { type: 'Add', queryId: 0, udfPath: 'messages:list', args: [{}] },
          { type: 'Add', queryId: 0, udfPath: 'messages:list', args: [{}] },
        ],
      },
      {
        type: 'ModifyQuerySet',
        baseVersion: 0,
        newVersion: 1,
        modifications: [{ type: 'Remove', queryId: 7 }],
      },
      { type: 'Authenticate', tokenType: 'None', baseVersion: 3 },
    ];
    const errors = [];
    for (const message of cases) {
      const c = connect(engine);
      c.send(connectMessage());
      c.send(message);
      errors.push([c.socket.take(), c.socket.closed]);
    }
    expect(errors).toMatchInlineSnapshot(`
      [
        [
          [
            {
              "error": "Base version 1 passed up doesn't match the current version 0",
              "type": "FatalError",
            },
          ],
          {
            "code": 1000,
            "reason": "BaseVersionMismatch",
          },
        ],
        [
          [
            {
              "error": "New query set version 0 must be greater than the base version 0",
              "type": "FatalError",
            },
          ],
          {
            "code": 1000,
            "reason": "InvalidQuerySetVersion",
          },
        ],
        [
          [
            {
              "error": "Duplicate query ID: 0",
              "type": "FatalError",
            },
          ],
          {
            "code": 1000,
            "reason": "DuplicateQueryId",
          },
        ],
        [
          [
            {
              "error": "Nonexistent query id: 7",
              "type": "FatalError",
            },
          ],
          {
            "code": 1000,
            "reason": "NonexistentQueryId",
          },
        ],
        [
          [
            {
              "error": "Identity base version 3 passed up doesn't match the current version 0",
              "type": "FatalError",
            },
          ],
          {
            "code": 1000,
            "reason": "BaseVersionMismatch",
          },
        ],
      ]
    `);
    expect(engine.stats.sessions).toBe(0);
  });

  test('malformed JSON and unknown message types are FatalErrors', () => {
    const c = connect(engine);
    c.session.handleMessage('{"type":"Connect",');
    expect(c.socket.take()[0]).toMatchObject({ type: 'FatalError' });
    expect(c.socket.closed).toEqual({ code: 1000, reason: 'WSMessageInvalidJson' });
    const d = connect(engine);
    d.send(connectMessage());
    d.send({ type: 'Subscribe' });
    expect(d.socket.take()[0]).toMatchObject({ type: 'FatalError' });
  });

  test('a client that saw a newer timestamp than the backend is closed with 1011', () => {
    const c = connect(engine);
    const ahead = encodeTimestamp(makeTimestamp(host.database.latestTs + 1_000_000_000n));
    c.send({ ...connectMessage(), maxObservedTimestamp: ahead });
    expect(c.socket.take()).toEqual([]);
    expect(c.socket.closed).toEqual({ code: 1011, reason: 'InternalServerError' });
  });

  test('a client whose maxObservedTimestamp is not ahead connects normally', async () => {
    const c = connect(engine);
    c.send({
      ...connectMessage(),
      maxObservedTimestamp: encodeTimestamp(makeTimestamp(host.database.latestTs)),
    });
    subscribe(c);
    await until(() => c.socket.unread === 1);
    expect(c.socket.closed).toBeNull();
  });

  test('Event messages are ignored', async () => {
    const c = connect(engine);
    c.send(connectMessage());
    c.send({ type: 'Event', eventType: 'ClientConnect', event: { marks: [] } });
    await settle();
    expect(c.socket.take()).toEqual([]);
    expect(c.socket.closed).toBeNull();
  });

  test('removing a query sends QueryRemoved with the new query set version', async () => {
    const c = connect(engine);
    c.send(connectMessage());
    subscribe(c);
    await until(() => c.socket.unread === 1);
    c.socket.take();
    c.send({
      type: 'ModifyQuerySet',
      baseVersion: 1,
      newVersion: 2,
      modifications: [{ type: 'Remove', queryId: 0 }],
    });
    await until(() => c.socket.unread === 1);
    expect(new WireNormalizer().normalize(c.socket.take())).toMatchInlineSnapshot(`
      [
        {
          "clientClockSkew": "<skew>",
          "endVersion": {
            "identity": 0,
            "querySet": 2,
            "ts": "<T1>",
          },
          "modifications": [
            {
              "queryId": 0,
              "type": "QueryRemoved",
            },
          ],
          "serverTs": "<serverTs>",
          "startVersion": {
            "identity": 0,
            "querySet": 1,
            "ts": "<T1>",
          },
          "type": "Transition",
        },
      ]
    `);
    expect(engine.stats.cachedQueries).toBe(1); // kept idle for reuse
  });

  test('Authenticate bumps the identity version and re-runs queries as the new identity; a refused token gets AuthError', async () => {
    const c = connect(engine);
    c.send(connectMessage());
    subscribe(c, 0, 'messages:whoami');
    await until(() => c.socket.unread === 1);
    expect(c.socket.take()[0]).toMatchObject({
      endVersion: { querySet: 1, identity: 0 },
      modifications: [{ value: null }],
    });
    c.send({ type: 'Authenticate', tokenType: 'User', value: 'user:ada', baseVersion: 0 });
    // Sent while the token is being checked: runs as ada.
    c.send({ type: 'Mutation', requestId: 0, udfPath: 'messages:send', args: [{ body: 'x' }] });
    await until(() => c.socket.unread >= 3);
    const frames = c.socket.take();
    expect(frames.map((f) => f['type'])).toContain('MutationResponse');
    const transitions = frames.filter((f) => f['type'] === 'Transition');
    expect(transitions[0]).toMatchObject({
      startVersion: { identity: 0 },
      endVersion: { identity: 1 },
      modifications: [{ value: 'ada' }],
    });

    c.send({ type: 'Authenticate', tokenType: 'User', value: 'not-a-jwt', baseVersion: 1 });
    await until(() => c.socket.closed !== null);
    expect(c.socket.take()).toMatchInlineSnapshot(`
      [
        {
          "authUpdateAttempted": true,
          "baseVersion": 1,
          "error": "No auth provider found matching the given token",
          "type": "AuthError",
        },
      ]
    `);
    expect(c.socket.closed).toEqual({ code: 1000, reason: 'AuthError' });
  });

  test('a failed mutation answers at once; a failed query is a QueryFailed', async () => {
    const c = connect(engine);
    c.send(connectMessage());
    subscribe(c, 0, 'messages:fail');
    c.send({ type: 'Mutation', requestId: 0, udfPath: 'messages:fail', args: [{}] });
    await until(() => c.socket.unread === 2);
    expect(new WireNormalizer().normalize(c.socket.take())).toMatchInlineSnapshot(`
      [
        {
          "logLines": [],
          "requestId": 0,
          "result": "Uncaught Error: refused",
          "success": false,
          "ts": null,
          "type": "MutationResponse",
        },
        {
          "clientClockSkew": "<skew>",
          "endVersion": {
            "identity": 0,
            "querySet": 1,
            "ts": "<T1>",
          },
          "modifications": [
            {
              "errorMessage": "Uncaught Error: no way",
              "journal": null,
              "logLines": [],
              "queryId": 0,
              "type": "QueryFailed",
            },
          ],
          "serverTs": "<serverTs>",
          "startVersion": {
            "identity": 0,
            "querySet": 0,
            "ts": "AAAAAAAAAAA=",
          },
          "type": "Transition",
        },
      ]
    `);
  });

  test('actions run and answer; what they commit reaches subscribers', async () => {
    const c = connect(engine);
    c.send(connectMessage());
    subscribe(c);
    await until(() => c.socket.unread === 1);
    c.socket.take();
    c.send({ type: 'Action', requestId: 0, udfPath: 'messages:shout', args: [{ body: 'hey' }] });
    await until(() => c.socket.unread === 2);
    const frames = c.socket.take();
    expect(frames).toContainEqual({
      type: 'ActionResponse',
      requestId: 0,
      success: true,
      result: 'done',
      logLines: [],
    });
    expect(frames.find((f) => f['type'] === 'Transition')).toMatchObject({
      modifications: [{ value: [{ body: 'HEY' }] }],
    });
  });

  test('a re-sent mutation (same session and request id) is answered without running again', async () => {
    const sessionId = '0b4e8a8e-6b0c-4e55-9e43-6f5c8f1d2a3b';
    for (let connection = 0; connection < 2; connection++) {
      const c = connect(engine);
      c.send(connectMessage(sessionId));
      c.send({
        type: 'Mutation',
        requestId: 0,
        udfPath: 'messages:send',
        args: [{ body: 'once' }],
      });
      await until(() => c.socket.unread === 2);
      expect(c.socket.take().map((f) => f['type'])).toEqual(['MutationResponse', 'Transition']);
      c.session.handleClose();
    }
    expect(host.mutationRuns.get('messages:send')).toBe(1);
  });

  test('more queued mutations than allowed close the socket with 1013', async () => {
    const small = new SyncEngine({ host, limits: { maxQueuedMutations: 2 } });
    let release: () => void = () => {};
    host.gate = new Promise((resolve) => {
      release = resolve;
    });
    const c = connect(small);
    c.send(connectMessage());
    for (let requestId = 0; requestId < 4; requestId++) {
      c.send({
        type: 'Mutation',
        requestId,
        udfPath: 'messages:send',
        args: [{ body: `${requestId}` }],
      });
    }
    expect(c.socket.closed).toEqual({ code: 1013, reason: 'TooManyConcurrentMutations' });
    release();
    host.gate = null;
    await settle();
    expect(c.socket.take()).toEqual([]);
  });

  test('more actions in flight than allowed close the socket with 1013; a second Connect is a FatalError', async () => {
    const small = new SyncEngine({ host, limits: { maxInflightActions: 2 } });
    let release: () => void = () => {};
    host.gate = new Promise((resolve) => {
      release = resolve;
    });
    const c = connect(small);
    c.send(connectMessage());
    for (let requestId = 0; requestId < 3; requestId++) {
      c.send({ type: 'Action', requestId, udfPath: 'messages:shout', args: [{ body: 'x' }] });
    }
    expect(c.socket.closed).toEqual({ code: 1013, reason: 'TooManyConcurrentRequests' });
    release();
    host.gate = null;
    await settle();
    expect(c.socket.take()).toEqual([]);

    const twice = connect(small);
    twice.send(connectMessage());
    twice.send(connectMessage());
    expect(twice.socket.take()).toEqual([
      { type: 'FatalError', error: 'Received a second Connect message on this WebSocket.' },
    ]);
  });

  test('handlerFor reads the client version from the sync path, or from the Convex-Client header', async () => {
    const chunky = new SyncEngine({
      host,
      limits: { transitionChunkThreshold: 10, transitionChunkLength: 50 },
    });
    const kinds = [];
    for (const upgrade of [
      { path: '/api/1.45.0/sync', header: () => undefined },
      {
        path: '/api/sync',
        header: (name: string) => (name === 'convex-client' ? 'npm-1.30.0' : undefined),
      },
      { path: '/api/sync', header: () => undefined },
      { path: '/api/1.27.0/sync', header: () => undefined },
    ]) {
      const handler = chunky.handlerFor(upgrade);
      const socket = new FakeSocket();
      handler.onOpen(socket);
      handler.onMessage(socket, JSON.stringify(connectMessage()));
      handler.onMessage(
        socket,
        JSON.stringify({
          type: 'ModifyQuerySet',
          baseVersion: 0,
          newVersion: 1,
          modifications: [{ type: 'Add', queryId: 0, udfPath: 'messages:list', args: [{}] }],
        }),
      );
      await until(() => socket.unread > 0);
      kinds.push(socket.take()[0]!['type']);
      handler.onClose(socket, 1000, '');
    }
    expect(kinds).toEqual(['TransitionChunk', 'TransitionChunk', 'Transition', 'Transition']);
    expect(chunky.stats.sessions).toBe(0);
  });
});
