import { describe, expect, test } from 'vitest';
import { LogStream } from './log-stream.ts';

describe('LogStream', () => {
  test('cursors strictly increase even within one millisecond', () => {
    const logs = new LogStream<string>(10, () => 1000);
    expect([logs.append('a'), logs.append('b'), logs.append('c')]).toEqual([1000, 1001, 1002]);
  });

  test('returns the entries after a cursor and the newest cursor', () => {
    let now = 100;
    const logs = new LogStream<string>(10, () => now);
    logs.append('a');
    now = 200;
    logs.append('b');
    expect(logs.since(0)).toEqual({ entries: ['a', 'b'], newCursor: 200 });
    expect(logs.since(100)).toEqual({ entries: ['b'], newCursor: 200 });
    expect(logs.since(200)).toEqual({ entries: [], newCursor: 200 });
  });

  test('keeps only the newest entries', () => {
    const logs = new LogStream<number>(3, () => 0);
    for (let i = 0; i < 5; i += 1) logs.append(i);
    expect(logs.since(0).entries).toEqual([2, 3, 4]);
  });

  test('a long poll wakes up when an entry arrives', async () => {
    const logs = new LogStream<string>(10);
    const waiting = logs.after(logs.head, 10_000);
    setTimeout(() => logs.append('late'), 20);
    expect((await waiting).entries).toEqual(['late']);
  });

  test('a long poll ends empty after its wait, or when aborted', async () => {
    const logs = new LogStream<string>(10);
    expect(await logs.after(0, 20)).toEqual({ entries: [], newCursor: 0 });
    const controller = new AbortController();
    const waiting = logs.after(0, 60_000, controller.signal);
    controller.abort();
    expect((await waiting).entries).toEqual([]);
  });
});
