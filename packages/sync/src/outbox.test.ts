import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { Outbox, type OutboxOptions } from './outbox.ts';
import { SyncEngine } from './sync-engine.ts';
import { connect, connectMessage, settle, until } from './test-support/fake-socket.ts';
import { FakeSocket } from './test-support/fake-socket.ts';
import { listTable, TestHost } from './test-support/test-host.ts';

function options(overrides: Partial<OutboxOptions> = {}): OutboxOptions {
  return {
    highWaterBytes: 100,
    maxBytes: 1_000,
    onSent: () => {},
    onTransitionSent: () => {},
    onOverflow: () => {},
    ...overrides,
  };
}

describe('Outbox', () => {
  test('sends at once while the socket has room, queues otherwise, and keeps order', () => {
    const socket = new FakeSocket();
    const sent = vi.fn();
    const outbox = new Outbox(socket, options({ onTransitionSent: sent }));
    outbox.push(['a'], false);
    expect(socket.frames).toEqual(['a']);
    socket.buffered = 500;
    outbox.push(['t1-part1', 't1-part2'], true);
    outbox.push(['b'], false);
    outbox.push(['t2'], true);
    expect(socket.frames).toEqual(['a']);
    expect(outbox.transitionCount).toBe(2);
    socket.buffered = 0;
    outbox.pump();
    expect(socket.frames).toEqual(['a', 't1-part1', 't1-part2', 'b', 't2']);
    expect(outbox.transitionCount).toBe(0);
    expect(sent).toHaveBeenCalledTimes(1);
    expect(outbox.isEmpty).toBe(true);
    outbox.close();
  });

  test('calls onOverflow when more than maxBytes wait', () => {
    const socket = new FakeSocket();
    socket.buffered = 1_000;
    const overflow = vi.fn();
    const outbox = new Outbox(socket, options({ onOverflow: overflow }));
    outbox.push(['x'.repeat(600)], false);
    expect(overflow).not.toHaveBeenCalled();
    outbox.push(['y'.repeat(600)], false);
    expect(overflow).toHaveBeenCalledTimes(1);
    outbox.close();
  });
});

describe('backpressure in a session', () => {
  let host: TestHost;
  beforeEach(async () => {
    host = await TestHost.open({
      queries: { 'messages:list': async ({ db }) => listTable(db, 'messages') },
      mutations: {
        'messages:send': async ({ db }) => {
          await db.insert('messages', { body: 'x'.repeat(200) });
          return null;
        },
      },
    });
  });
  afterEach(() => host.close());

  test('a client whose socket stays full gets at most 2 buffered Transitions; later commits coalesce', async () => {
    const engine = new SyncEngine({ host, limits: { socketHighWaterBytes: 1_000 } });
    const c = connect(engine);
    c.send(connectMessage());
    c.send({
      type: 'ModifyQuerySet',
      baseVersion: 0,
      newVersion: 1,
      modifications: [{ type: 'Add', queryId: 0, udfPath: 'messages:list', args: [{}] }],
    });
    await until(() => c.socket.unread === 1);
    c.socket.take();
    c.socket.buffered = 1 << 20;
    for (let i = 0; i < 10; i++) {
      await host.commit((tx) => tx.insert('messages', { i }));
      await settle();
    }
    expect(c.socket.take()).toEqual([]);
    const runsWhileBlocked = host.queryRuns.get('messages:list');
    // Two Transitions were computed and wait; the other commits only marked the session dirty.
    expect(runsWhileBlocked).toBe(3);

    c.socket.buffered = 0;
    c.session.handleDrain();
    await until(() => c.socket.unread === 3);
    const transitions = c.socket.take() as {
      startVersion: unknown;
      endVersion: unknown;
      modifications: { value: unknown[] }[];
    }[];
    expect(transitions.map((t) => t.modifications[0]!.value.length)).toEqual([1, 2, 10]);
    expect(transitions[1]!.startVersion).toEqual(transitions[0]!.endVersion);
    expect(transitions[2]!.startVersion).toEqual(transitions[1]!.endVersion);
    await engine.stop();
  });

  test('a client that reads nothing while responses pile up is closed with 1013 SlowClient', async () => {
    const engine = new SyncEngine({
      host,
      limits: { socketHighWaterBytes: 1_000, maxOutboxBytes: 2_000 },
    });
    const c = connect(engine);
    c.send(connectMessage());
    c.socket.buffered = 1 << 20;
    for (let requestId = 0; requestId < 40; requestId++) {
      c.send({ type: 'Mutation', requestId, udfPath: 'messages:send', args: [{}] });
    }
    await until(() => c.socket.closed !== null);
    expect(c.socket.closed).toEqual({ code: 1013, reason: 'SlowClient' });
    expect(engine.stats.sessions).toBe(0);
  });
});
