// Issue 7 acceptance: bad input over a raw WebSocket against the backend executable. Each bad
// connection gets a FatalError and/or a close with a reason; a healthy connection opened
// before them keeps working throughout.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { WebSocket } from 'ws';
import { startSyncBackend, type SyncBackend } from './support/sync-backend.ts';

let backend: SyncBackend;

beforeAll(async () => {
  backend = await startSyncBackend();
});

afterAll(async () => {
  await backend?.stop();
});

interface RawConnection {
  readonly messages: Record<string, unknown>[];
  send(frame: string | Buffer | Record<string, unknown>): void;
  /** Resolves with the close code and reason (bounded wait). */
  closed(): Promise<{ code: number; reason: string }>;
  next(type: string): Promise<Record<string, unknown>>;
  close(): void;
}

async function connect(path = '/api/1.48.0/sync'): Promise<RawConnection> {
  const ws = new WebSocket(`${backend.url.replace(/^http/, 'ws')}${path}`, {
    perMessageDeflate: false,
  });
  const messages: Record<string, unknown>[] = [];
  ws.on('message', (data: Buffer) =>
    messages.push(JSON.parse(data.toString()) as Record<string, unknown>),
  );
  const closed = new Promise<{ code: number; reason: string }>((resolve) =>
    ws.once('close', (code: number, reason: Buffer) =>
      resolve({ code, reason: reason.toString() }),
    ),
  );
  await new Promise((resolve, reject) => ws.once('open', resolve).once('error', reject));
  return {
    messages,
    send: (frame) =>
      ws.send(typeof frame === 'string' || Buffer.isBuffer(frame) ? frame : JSON.stringify(frame)),
    closed: () =>
      Promise.race([
        closed,
        new Promise<never>((_, reject) =>
          setTimeout(() => reject(new Error('the server did not close the socket')), 10_000),
        ),
      ]),
    next: async (type) => {
      const deadline = Date.now() + 10_000;
      for (;;) {
        const found = messages.find((m) => m['type'] === type);
        if (found !== undefined) {
          messages.splice(messages.indexOf(found), 1);
          return found;
        }
        if (Date.now() > deadline)
          throw new Error(`no ${type} arrived; got ${JSON.stringify(messages)}`);
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
    },
    close: () => ws.close(),
  };
}

const connectMessage = () => ({
  type: 'Connect',
  sessionId: crypto.randomUUID(),
  connectionCount: 0,
  lastCloseReason: 'InitialConnect',
  clientTs: Date.now(),
});
const addCount = {
  type: 'ModifyQuerySet',
  baseVersion: 0,
  newVersion: 1,
  modifications: [{ type: 'Add', queryId: 0, udfPath: 'notes:count', args: [{}] }],
};

/** What a refused connection got: its FatalError text (if any) and the close. */
async function refusal(
  connection: RawConnection,
): Promise<{ fatal: unknown; code: number; reason: string }> {
  const { code, reason } = await connection.closed();
  const fatal = connection.messages.find((m) => m['type'] === 'FatalError');
  return { fatal: fatal?.['error'], code, reason };
}

describe('the sync endpoint refuses bad input', () => {
  let healthy: RawConnection;
  let requestId = 0;

  beforeAll(async () => {
    healthy = await connect();
    healthy.send(connectMessage());
    healthy.send(addCount);
    expect((await healthy.next('Transition'))['modifications']).toMatchObject([
      { type: 'QueryUpdated', queryId: 0, value: 0 },
    ]);
  });

  afterAll(() => healthy?.close());

  /** After each refusal, the healthy connection still runs mutations and gets the new result. */
  async function healthyStillWorks(): Promise<void> {
    const id = requestId++;
    healthy.send({
      type: 'Mutation',
      requestId: id,
      udfPath: 'notes:add',
      args: [{ client: 'healthy', seq: id, body: 'still here' }],
    });
    expect(await healthy.next('MutationResponse')).toMatchObject({ requestId: id, success: true });
    expect((await healthy.next('Transition'))['modifications']).toMatchObject([
      { type: 'QueryUpdated', queryId: 0, value: id + 1 },
    ]);
  }

  test('a frame that is not JSON', async () => {
    const bad = await connect();
    bad.send(connectMessage());
    bad.send('{"type":"Connect", this is not json');
    // The rest of the message is V8's JSON.parse wording.
    expect(await refusal(bad)).toMatchObject({
      code: 1000,
      reason: 'WSMessageInvalidJson',
      fatal: expect.stringMatching(/^Received invalid JSON on websocket: /) as unknown,
    });
    await healthyStillWorks();
  });

  test('a binary frame', async () => {
    const bad = await connect();
    bad.send(connectMessage());
    bad.send(Buffer.from([0xff, 0x00, 0x7b]));
    expect(await refusal(bad)).toMatchObject({
      code: 1000,
      reason: 'WSMessageInvalidJson',
      fatal: expect.stringMatching(/^Received invalid JSON on websocket: /) as unknown,
    });
    await healthyStillWorks();
  });

  test('an unknown message type and a message missing its fields', async () => {
    const unknown = await connect();
    unknown.send(connectMessage());
    unknown.send({ type: 'Subscribe', queryId: 0 });
    expect(await refusal(unknown)).toMatchInlineSnapshot(`
      {
        "code": 1000,
        "fatal": "ClientMessage.type: expected one of "Connect", "ModifyQuerySet", "Mutation", "Action", "Authenticate", "Event", received "Subscribe"",
        "reason": "WSMessageInvalidJson",
      }
    `);
    const partial = await connect();
    partial.send(connectMessage());
    partial.send({ type: 'Mutation', requestId: 0, args: [{}] });
    expect(await refusal(partial)).toMatchInlineSnapshot(`
      {
        "code": 1000,
        "fatal": "Mutation.udfPath: missing required field",
        "reason": "WSMessageInvalidJson",
      }
    `);
    await healthyStillWorks();
  });

  test('messages before Connect, and a second Connect', async () => {
    const early = await connect();
    early.send(addCount);
    expect(await refusal(early)).toMatchInlineSnapshot(`
      {
        "code": 1000,
        "fatal": "Expected a Connect message first, received ModifyQuerySet.",
        "reason": "MessageBeforeConnect",
      }
    `);
    const twice = await connect();
    twice.send(connectMessage());
    twice.send(connectMessage());
    expect(await refusal(twice)).toMatchInlineSnapshot(`
      {
        "code": 1000,
        "fatal": "Received a second Connect message on this WebSocket.",
        "reason": "DuplicateConnect",
      }
    `);
    await healthyStillWorks();
  });

  test('query-set and identity version mismatches', async () => {
    const skipped = await connect();
    skipped.send(connectMessage());
    skipped.send({ ...addCount, baseVersion: 3, newVersion: 4 });
    expect(await refusal(skipped)).toMatchInlineSnapshot(`
      {
        "code": 1000,
        "fatal": "Base version 3 passed up doesn't match the current version 0",
        "reason": "BaseVersionMismatch",
      }
    `);
    const backwards = await connect();
    backwards.send(connectMessage());
    backwards.send({ ...addCount, baseVersion: 0, newVersion: 0 });
    expect(await refusal(backwards)).toMatchInlineSnapshot(`
      {
        "code": 1000,
        "fatal": "New query set version 0 must be greater than the base version 0",
        "reason": "InvalidQuerySetVersion",
      }
    `);
    const auth = await connect();
    auth.send(connectMessage());
    auth.send({ type: 'Authenticate', tokenType: 'None', baseVersion: 7 });
    expect(await refusal(auth)).toMatchInlineSnapshot(`
      {
        "code": 1000,
        "fatal": "Identity base version 7 passed up doesn't match the current version 0",
        "reason": "BaseVersionMismatch",
      }
    `);
    await healthyStillWorks();
  });

  test('a user JWT gets the AuthError of a deployment without auth providers, then a close', async () => {
    const user = await connect();
    user.send(connectMessage());
    user.send({ type: 'Authenticate', tokenType: 'User', value: 'eyJhbGciOiJSUzI1NiJ9.e30.c2ln', baseVersion: 0 });
    const { code, reason } = await user.closed();
    expect({ code, reason, messages: user.messages }).toMatchInlineSnapshot(`
      {
        "code": 1000,
        "messages": [
          {
            "authUpdateAttempted": true,
            "baseVersion": 0,
            "error": "No auth provider found matching the given token: this deployment has no auth providers configured (auth.config.ts).",
            "type": "AuthError",
          },
        ],
        "reason": "AuthError",
      }
    `);
    await healthyStillWorks();
  });

  test('unknown query ids and duplicate adds', async () => {
    const unknown = await connect();
    unknown.send(connectMessage());
    unknown.send({
      type: 'ModifyQuerySet',
      baseVersion: 0,
      newVersion: 1,
      modifications: [{ type: 'Remove', queryId: 99 }],
    });
    expect(await refusal(unknown)).toMatchInlineSnapshot(`
      {
        "code": 1000,
        "fatal": "Nonexistent query id: 99",
        "reason": "NonexistentQueryId",
      }
    `);
    const duplicate = await connect();
    duplicate.send(connectMessage());
    duplicate.send(addCount);
    await duplicate.next('Transition');
    duplicate.send({ ...addCount, baseVersion: 1, newVersion: 2 });
    expect(await refusal(duplicate)).toMatchInlineSnapshot(`
      {
        "code": 1000,
        "fatal": "Duplicate query ID: 0",
        "reason": "DuplicateQueryId",
      }
    `);
    await healthyStillWorks();
  });

  test('a client that observed a timestamp ahead of the backend', async () => {
    const ahead = await connect();
    ahead.send({
      ...connectMessage(),
      maxObservedTimestamp: Buffer.from(new BigUint64Array([2n ** 62n]).buffer).toString('base64'),
    });
    expect(await refusal(ahead)).toMatchInlineSnapshot(`
      {
        "code": 1011,
        "fatal": undefined,
        "reason": "InternalServerError",
      }
    `);
    await healthyStillWorks();
  });

  test('an unknown function is a failed query, not a broken connection', async () => {
    const missing = await connect();
    missing.send(connectMessage());
    missing.send({
      ...addCount,
      modifications: [{ type: 'Add', queryId: 0, udfPath: 'nope:missing', args: [{}] }],
    });
    expect((await missing.next('Transition'))['modifications']).toMatchObject([
      {
        type: 'QueryFailed',
        queryId: 0,
        errorMessage: expect.stringContaining(
          "Could not find public function for 'nope:missing'",
        ) as unknown,
      },
    ]);
    missing.send({
      type: 'Mutation',
      requestId: 0,
      udfPath: 'notes:add',
      args: [{ client: 'after-missing', seq: 0, body: 'ok' }],
    });
    expect(await missing.next('MutationResponse')).toMatchObject({ requestId: 0, success: true });
    missing.close();
    await healthyStillWorks();
  });
});
