import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { createLogger } from '../logging/logger.ts';
import { SERVER_INACTIVITY_THRESHOLD, WebSocketManager } from './web-socket-manager.ts';

// A stand-in for the platform WebSocket: the test opens, feeds and closes it by hand.
class ManualSocket {
  static created: ManualSocket[] = [];
  onopen: (() => void) | null = null;
  onmessage: ((event: { data: unknown }) => void) | null = null;
  onclose: ((event: { code: number; reason: string }) => void) | null = null;
  onerror: ((event: unknown) => void) | null = null;
  readonly sent: string[] = [];
  closed = false;
  readonly url: string;
  constructor(url: string) {
    this.url = url;
    ManualSocket.created.push(this);
  }
  send(data: string) {
    this.sent.push(data);
  }
  close() {
    this.closed = true;
    this.onclose?.({ code: 1000, reason: '' });
  }
}

function start() {
  ManualSocket.created = [];
  const opens: { connectionCount: number; lastCloseReason: string | null }[] = [];
  const messages: string[] = [];
  const manager = new WebSocketManager({
    uri: 'ws://127.0.0.1:1/api/1.48.0/sync',
    webSocketConstructor: ManualSocket as unknown as typeof WebSocket,
    logger: createLogger({ logger: false }),
    onOpen: ({ connectionCount, lastCloseReason }) =>
      opens.push({ connectionCount, lastCloseReason }),
    onResume: () => {},
    onMessage: (message) => {
      messages.push(message.type);
      return { hasSyncedPastLastReconnect: true };
    },
    onStateChange: () => {},
    random: () => 0.5, // no jitter
  });
  const socket = (i: number) => ManualSocket.created[i] as ManualSocket;
  return { manager, opens, messages, socket };
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('WebSocketManager', () => {
  test('reconnects after 60 s without a server message; a Ping keeps the connection', async () => {
    const { manager, opens, socket } = start();
    socket(0).onopen?.();
    expect(opens).toEqual([{ connectionCount: 0, lastCloseReason: 'InitialConnect' }]);
    await vi.advanceTimersByTimeAsync(SERVER_INACTIVITY_THRESHOLD - 1000);
    socket(0).onmessage?.({ data: '{"type":"Ping"}' });
    await vi.advanceTimersByTimeAsync(SERVER_INACTIVITY_THRESHOLD - 1);
    expect(socket(0).closed).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(socket(0).closed).toBe(true);
    // Client-initiated close: 100 ms backoff.
    await vi.advanceTimersByTimeAsync(99);
    expect(ManualSocket.created).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(ManualSocket.created).toHaveLength(2);
    socket(1).onopen?.();
    expect(opens[1]).toEqual({ connectionCount: 1, lastCloseReason: 'InactiveServer' });
    await manager.terminate();
  });

  test('backs off by the server close reason, doubling per failed attempt', async () => {
    const { manager, socket } = start();
    socket(0).onclose?.({ code: 1011, reason: 'InternalServerError' });
    await vi.advanceTimersByTimeAsync(999);
    expect(ManualSocket.created).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(ManualSocket.created).toHaveLength(2);
    socket(1).onclose?.({ code: 1013, reason: 'TooManyConcurrentRequests' });
    await vi.advanceTimersByTimeAsync(3000 * 2 - 1);
    expect(ManualSocket.created).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(1);
    expect(ManualSocket.created).toHaveLength(3);
    expect(manager.connectionState().connectionRetries).toBe(2);
    // A message after which everything is re-synced resets the retries.
    socket(2).onopen?.();
    socket(2).onmessage?.({ data: '{"type":"FatalError","error":"x"}' });
    expect(manager.connectionState().connectionRetries).toBe(0);
    await manager.terminate();
    await vi.advanceTimersByTimeAsync(SERVER_INACTIVITY_THRESHOLD * 2);
    expect(ManualSocket.created).toHaveLength(3); // terminated for good
  });

  test('holds messages while paused and announces the socket on resume', async () => {
    const { manager, opens, socket } = start();
    manager.pause();
    socket(0).onopen?.();
    expect(opens).toEqual([]);
    expect(manager.sendMessage({ type: 'Event', eventType: 'x', event: null })).toBe(false);
    manager.resume();
    expect(opens).toHaveLength(1);
    expect(manager.sendMessage({ type: 'Event', eventType: 'x', event: null })).toBe(true);
    expect(socket(0).sent).toEqual(['{"type":"Event","eventType":"x","event":null}']);
    await manager.terminate();
  });

  test('assembles TransitionChunks and reconnects on a frame it cannot apply', async () => {
    const { manager, messages, socket } = start();
    socket(0).onopen?.();
    const transition =
      '{"type":"Transition","startVersion":{"querySet":0,"identity":0,"ts":"AAAAAAAAAAA="},"endVersion":{"querySet":0,"identity":0,"ts":"AAAAAAAAAAA="},"modifications":[]}';
    const chunk = (partNumber: number, text: string) =>
      JSON.stringify({
        type: 'TransitionChunk',
        chunk: text,
        partNumber,
        totalParts: 2,
        transitionId: 't',
      });
    socket(0).onmessage?.({ data: chunk(0, transition.slice(0, 30)) });
    expect(messages).toEqual([]);
    socket(0).onmessage?.({ data: chunk(1, transition.slice(30)) });
    expect(messages).toEqual(['Transition']);
    socket(0).onmessage?.({ data: '{"type":"Nonsense"}' });
    expect(socket(0).closed).toBe(true);
    await vi.advanceTimersByTimeAsync(100);
    expect(ManualSocket.created).toHaveLength(2);
    await manager.terminate();
  });
});
