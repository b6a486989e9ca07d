// An in-memory SyncSocket that records what the server sends, for session tests.
// Test-only: never import this from package code.
import { type SyncEngine, type OpenSessionOptions } from '../sync-engine.ts';
import { type SyncSession } from '../sync-session.ts';
import { type SyncSocket } from '../sync-socket.ts';

/** A recorded socket: `frames` is every text frame sent, `closed` the close frame if any. */
export class FakeSocket implements SyncSocket {
  readonly frames: string[] = [];
  closed: { readonly code: number; readonly reason: string } | null = null;
  pings = 0;
  /** What `bufferedAmount()` answers (simulate a slow client). */
  buffered = 0;
  #read = 0;

  send(text: string): boolean {
    if (this.closed !== null) return false;
    this.frames.push(text);
    return true;
  }

  close(code: number, reason: string): void {
    this.closed ??= { code, reason };
  }

  ping(): void {
    this.pings++;
  }

  bufferedAmount(): number {
    return this.buffered;
  }

  /** Frames sent and not yet taken. */
  get unread(): number {
    return this.frames.length - this.#read;
  }

  /** Frames sent since the last call, parsed. */
  take(): Record<string, unknown>[] {
    const fresh = this.frames.slice(this.#read);
    this.#read = this.frames.length;
    return fresh.map((text) => JSON.parse(text) as Record<string, unknown>);
  }

  /** Frames sent since the last call, as text. */
  takeText(): string[] {
    const fresh = this.frames.slice(this.#read);
    this.#read = this.frames.length;
    return fresh;
  }
}

/** A session on a fake socket, driven with message objects. */
export interface TestConnection {
  readonly socket: FakeSocket;
  readonly session: SyncSession;
  /** Sends a client message (timestamps already in their u64b64 form). */
  send(message: Record<string, unknown>): void;
}

/** Opens a session of `engine` on a new fake socket. */
export function connect(engine: SyncEngine, options: OpenSessionOptions = {}): TestConnection {
  const socket = new FakeSocket();
  const session = engine.openSession(socket, options);
  return {
    socket,
    session,
    send: (message) => session.handleMessage(JSON.stringify(message)),
  };
}

/** A `Connect` message with a fixed session id. */
export function connectMessage(
  sessionId = '9f2f4f7e-5c3a-4d1e-8b2a-0d1c2b3a4f5e',
): Record<string, unknown> {
  return {
    type: 'Connect',
    sessionId,
    connectionCount: 0,
    lastCloseReason: 'InitialConnect',
    clientTs: Date.now(),
  };
}

/** Lets pending flushes, query runs and commits finish (a few turns of the event loop). */
export async function settle(turns = 20): Promise<void> {
  for (let i = 0; i < turns; i++) await new Promise<void>((resolve) => setImmediate(resolve));
}

/** Waits (real time) until `predicate` holds, or fails after `timeoutMs`. */
export async function until(predicate: () => boolean, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!predicate()) {
    if (Date.now() > deadline) throw new Error('Timed out waiting for a condition');
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
}
