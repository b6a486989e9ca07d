import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { SyncEngine } from './sync-engine.ts';
import { connect, connectMessage } from './test-support/fake-socket.ts';
import { TestHost } from './test-support/test-host.ts';

describe('keepalive', () => {
  let host: TestHost;
  let engine: SyncEngine;
  beforeEach(async () => {
    host = await TestHost.open({ queries: { 'messages:one': () => Promise.resolve(1) } });
    engine = new SyncEngine({ host });
    vi.useFakeTimers();
  });
  afterEach(async () => {
    vi.useRealTimers();
    await engine.stop();
    await host.close();
  });

  test('a Ping message after 15 s without sending, and a protocol ping every 15 s', async () => {
    const c = connect(engine);
    c.send(connectMessage());
    await vi.advanceTimersByTimeAsync(14_999);
    expect(c.socket.take()).toEqual([]);
    expect(c.socket.pings).toBe(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(c.socket.take()).toEqual([{ type: 'Ping' }]);
    expect(c.socket.pings).toBe(1);
    await vi.advanceTimersByTimeAsync(15_000);
    expect(c.socket.take()).toEqual([{ type: 'Ping' }]);
    expect(c.socket.pings).toBe(2);
  });

  test('anything sent postpones the Ping message', async () => {
    const c = connect(engine);
    c.send(connectMessage());
    await vi.advanceTimersByTimeAsync(10_000);
    c.send({
      type: 'ModifyQuerySet',
      baseVersion: 0,
      newVersion: 1,
      modifications: [{ type: 'Add', queryId: 0, udfPath: 'messages:one', args: [{}] }],
    });
    await vi.advanceTimersByTimeAsync(100);
    expect(c.socket.take().map((frame) => frame['type'])).toEqual(['Transition']);
    await vi.advanceTimersByTimeAsync(14_800); // 24.9 s: 14.8 s after the Transition
    expect(c.socket.take()).toEqual([]);
    await vi.advanceTimersByTimeAsync(200);
    expect(c.socket.take()).toEqual([{ type: 'Ping' }]);
  });

  test('closes after 120 s without receiving anything; activity (pongs) keeps it open', async () => {
    const quiet = connect(engine);
    const chatty = connect(engine);
    for (const c of [quiet, chatty]) c.send(connectMessage());
    for (let second = 0; second < 119; second++) {
      await vi.advanceTimersByTimeAsync(1_000);
      chatty.session.handleActivity();
    }
    expect(quiet.socket.closed).toBeNull();
    await vi.advanceTimersByTimeAsync(1_000);
    expect(quiet.socket.closed).toEqual({ code: 1000, reason: 'ClientInactive' });
    await vi.advanceTimersByTimeAsync(60_000);
    expect(chatty.socket.closed).toBeNull();
    expect(engine.stats.sessions).toBe(1);
  });
});
