import { parseServerMessage } from '@selfhost/protocol';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { SyncEngine } from './sync-engine.ts';
import { connect, connectMessage, until } from './test-support/fake-socket.ts';
import { TestHost } from './test-support/test-host.ts';

describe('TransitionChunk', () => {
  let host: TestHost;
  let engine: SyncEngine;
  const big = '✓ large result 😀 '.repeat(400); // surrogate pairs must not be cut
  beforeEach(async () => {
    host = await TestHost.open({ queries: { 'blobs:big': () => Promise.resolve(big) } });
    engine = new SyncEngine({
      host,
      limits: { transitionChunkThreshold: 2_000, transitionChunkLength: 999 },
    });
  });
  afterEach(async () => {
    await engine.stop();
    await host.close();
  });

  function subscribeBig(version: string) {
    const c = connect(engine, { clientVersion: { client: 'npm', version } });
    c.send(connectMessage());
    c.send({
      type: 'ModifyQuerySet',
      baseVersion: 0,
      newVersion: 1,
      modifications: [{ type: 'Add', queryId: 0, udfPath: 'blobs:big', args: [{}] }],
    });
    return c;
  }

  test('a big Transition goes to a client ≥ 1.28.0 as contiguous chunks that reassemble into it', async () => {
    const c = subscribeBig('1.28.0');
    await until(() => c.socket.unread > 1);
    const frames = c.socket.take() as {
      type: string;
      chunk: string;
      partNumber: number;
      totalParts: number;
      transitionId: string;
    }[];
    expect(frames.every((frame) => frame.type === 'TransitionChunk')).toBe(true);
    expect(frames.map((frame) => frame.partNumber)).toEqual(frames.map((_, i) => i));
    expect(new Set(frames.map((frame) => `${frame.totalParts}/${frame.transitionId}`)).size).toBe(
      1,
    );
    expect(frames[0]!.totalParts).toBe(frames.length);
    const transition = parseServerMessage(frames.map((frame) => frame.chunk).join(''));
    expect(transition).toMatchObject({
      type: 'Transition',
      modifications: [{ type: 'QueryUpdated', value: big }],
    });
  });

  test('an older client gets the whole Transition in one frame', async () => {
    const c = subscribeBig('1.27.3');
    await until(() => c.socket.unread === 1);
    const [frame] = c.socket.take();
    expect(frame).toMatchObject({ type: 'Transition', modifications: [{ value: big }] });
  });
});
