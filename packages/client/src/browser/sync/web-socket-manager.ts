import {
  encodeClientMessage,
  parseServerMessage,
  type ClientMessage,
  type ServerMessage,
} from '@selfhost/protocol';
import type { Logger } from '../logging/logger.ts';
import { browserWindow } from './browser-window.ts';
import { classifyDisconnectReason, computeBackoff, type DisconnectReason } from './backoff.ts';
import { TransitionChunkAssembler } from './transition-chunk-assembler.ts';

// Close codes after which a reconnect is routine and not worth a log line (4040: the deployment
// was not found yet, e.g. mid-push; retried like any other).
const QUIET_CLOSE_CODES: ReadonlySet<number> = new Set([1000, 1001, 1005, 4040]);

/**
 * How long the server may stay silent before the client reconnects (spec §3.7). The server pings
 * every 15 s; one large Transition can hold the line for a while, hence the margin.
 *
 * @example
 * ```ts
 * await vi.advanceTimersByTimeAsync(SERVER_INACTIVITY_THRESHOLD);
 * ```
 */
export const SERVER_INACTIVITY_THRESHOLD = 60_000;

/**
 * What the `Connect` message reports about the connection being opened.
 *
 * @example
 * ```ts
 * const meta: ReconnectMetadata = { connectionCount: 0, lastCloseReason: 'InitialConnect', clientTs: Date.now() };
 * ```
 */
export type ReconnectMetadata = {
  connectionCount: number;
  lastCloseReason: string | null;
  clientTs: number;
};

/** Server messages that reach the client: pings and chunks are handled here. @example declare const m: DeliveredServerMessage; */
export type DeliveredServerMessage = Exclude<
  ServerMessage,
  { type: 'Ping' } | { type: 'TransitionChunk' }
>;

/**
 * Options of {@link WebSocketManager}.
 *
 * @example
 * ```ts
 * const options: WebSocketManagerOptions = { uri, webSocketConstructor: WebSocket, logger, onOpen, onResume, onMessage, onStateChange };
 * ```
 */
export type WebSocketManagerOptions = {
  readonly uri: string;
  readonly webSocketConstructor: typeof WebSocket;
  readonly logger: Logger;
  /** A new socket is open: send Connect and re-send state. */
  readonly onOpen: (metadata: ReconnectMetadata) => void;
  /** A pause ended on the same socket: send what was held back. */
  readonly onResume: () => void;
  /** A server message; the answer says whether everything from before the last reconnect is done. */
  readonly onMessage: (message: DeliveredServerMessage) => { hasSyncedPastLastReconnect: boolean };
  readonly onServerDisconnectError?: ((message: string) => void) | undefined;
  /** Something in {@link WebSocketManager.connectionState} may have changed. */
  readonly onStateChange: () => void;
  /** Source of jitter, `Math.random` by default. */
  readonly random?: () => number;
};

type Socket =
  | { readonly state: 'disconnected' }
  | { readonly state: 'connecting'; readonly ws: WebSocket; readonly paused: boolean }
  // "uninitialized": opened while paused, Connect not sent yet.
  | {
      readonly state: 'ready';
      readonly ws: WebSocket;
      readonly paused: 'yes' | 'no' | 'uninitialized';
    }
  | { readonly state: 'stopped' }
  | { readonly state: 'terminated' };

/**
 * Owns the one WebSocket of a sync client: opens it, parses frames, reconnects with backoff when
 * it drops or the server goes quiet for {@link SERVER_INACTIVITY_THRESHOLD}, and can be paused
 * (messages are not sent; used while the first auth token is fetched), stopped and restarted
 * (auth refresh), or terminated for good.
 *
 * States: disconnected → connecting → ready; ready/connecting → disconnected on close (a
 * reconnect is scheduled); ready → stopped → connecting via `tryRestart()`; any → terminated.
 *
 * @example
 * ```ts
 * const manager = new WebSocketManager({ uri: 'ws://127.0.0.1:3210/api/1.48.0/sync', … });
 * manager.sendMessage({ type: 'Event', eventType: 'x', event: null });
 * await manager.terminate();
 * ```
 */
export class WebSocketManager {
  #socket: Socket = { state: 'disconnected' };
  #connectionCount = 0;
  #hasEverConnected = false;
  #lastCloseReason: string | null = 'InitialConnect';
  #retries = 0;
  #inactivityTimer: ReturnType<typeof setTimeout> | undefined;
  #reconnectTimer: ReturnType<typeof setTimeout> | undefined;
  #onlineListener: (() => void) | undefined;
  readonly #chunks = new TransitionChunkAssembler();
  readonly #options: WebSocketManagerOptions;

  constructor(options: WebSocketManagerOptions) {
    this.#options = options;
    this.#listenForNetworkRecovery();
    this.#connect();
  }

  /** Sends a message if the socket is open and not paused; returns whether it (may have) gone out. */
  sendMessage(message: ClientMessage): boolean {
    const socket = this.#socket;
    if (socket.state !== 'ready' || socket.paused !== 'no') {
      this.#verbose(`message not sent (socket ${socket.state}): ${message.type}`);
      return false;
    }
    try {
      socket.ws.send(encodeClientMessage(message));
    } catch (error) {
      this.#options.logger.log(
        `Failed to send message on WebSocket, reconnecting: ${String(error)}`,
      );
      this.#closeAndReconnect('FailedToSendMessage');
    }
    return true;
  }

  /** Holds back messages on the current socket until {@link resume}. */
  pause(): void {
    const socket = this.#socket;
    if (socket.state === 'connecting') this.#socket = { ...socket, paused: true };
    else if (socket.state === 'ready') this.#socket = { ...socket, paused: 'yes' };
  }

  /** Ends a pause: announces the socket if it opened meanwhile, or lets the client catch up. */
  resume(): void {
    const socket = this.#socket;
    if (socket.state === 'connecting') {
      this.#socket = { ...socket, paused: false };
    } else if (socket.state === 'ready' && socket.paused === 'uninitialized') {
      this.#socket = { ...socket, paused: 'no' };
      this.#announceOpen();
    } else if (socket.state === 'ready' && socket.paused === 'yes') {
      this.#socket = { ...socket, paused: 'no' };
      this.#options.onResume();
    }
  }

  /** Closes the socket without reconnecting until {@link tryRestart}. */
  stop(): Promise<void> {
    if (this.#socket.state === 'terminated') return Promise.resolve();
    this.#clearReconnect();
    const closed = this.#closeSocket();
    this.#socket = { state: 'stopped' };
    this.#options.onStateChange();
    return closed;
  }

  /** Opens a new socket after {@link stop}; does nothing in any other state. */
  tryRestart(): void {
    if (this.#socket.state !== 'stopped') {
      this.#verbose(`restart called in state ${this.#socket.state}`);
      return;
    }
    this.#connect();
  }

  /** Closes the socket for good; resolves once it has closed. */
  terminate(): Promise<void> {
    clearTimeout(this.#inactivityTimer);
    this.#clearReconnect();
    if (this.#onlineListener !== undefined)
      browserWindow()?.removeEventListener('online', this.#onlineListener);
    const closed = this.#closeSocket();
    this.#socket = { state: 'terminated' };
    this.#options.onStateChange();
    return closed;
  }

  /** The socket's part of the client's connection state. */
  connectionState(): {
    isConnected: boolean;
    hasEverConnected: boolean;
    connectionCount: number;
    connectionRetries: number;
  } {
    return {
      isConnected: this.#socket.state === 'ready',
      hasEverConnected: this.#hasEverConnected,
      connectionCount: this.#connectionCount,
      connectionRetries: this.#retries,
    };
  }

  /** The socket state, for diagnostics and tests. */
  get state(): Socket['state'] {
    return this.#socket.state;
  }

  #connect(): void {
    if (this.#socket.state === 'terminated') return;
    const ws = new this.#options.webSocketConstructor(this.#options.uri);
    this.#socket = { state: 'connecting', ws, paused: false };
    this.#options.onStateChange();
    // Started before the handshake, so a handshake that hangs is caught too.
    this.#resetInactivityTimer();
    ws.onopen = () => this.#onOpen(ws);
    ws.onerror = (event) => {
      this.#chunks.reset();
      const message = (event as { message?: unknown }).message;
      if (typeof message === 'string' && message !== '')
        this.#options.logger.log(`WebSocket error message: ${message}`);
    };
    ws.onmessage = (event) => this.#onFrame(event.data);
    ws.onclose = (event) => this.#onClose(event.code, event.reason);
  }

  #onOpen(ws: WebSocket): void {
    const socket = this.#socket;
    if (socket.state !== 'connecting' || socket.ws !== ws) return;
    this.#socket = { state: 'ready', ws, paused: socket.paused ? 'uninitialized' : 'no' };
    this.#options.onStateChange();
    this.#resetInactivityTimer();
    if (!socket.paused) this.#announceOpen();
    if (this.#lastCloseReason !== 'InitialConnect') {
      this.#options.logger.log(
        this.#lastCloseReason === null
          ? 'WebSocket reconnected'
          : `WebSocket reconnected after disconnect due to ${this.#lastCloseReason}`,
      );
    }
    this.#connectionCount += 1;
    this.#lastCloseReason = null;
  }

  #announceOpen(): void {
    this.#hasEverConnected = true;
    this.#options.onOpen({
      connectionCount: this.#connectionCount,
      lastCloseReason: this.#lastCloseReason,
      clientTs: Date.now(),
    });
  }

  #onFrame(data: unknown): void {
    this.#resetInactivityTimer();
    try {
      if (typeof data !== 'string')
        throw new Error('Received a binary frame; the sync protocol uses text frames only');
      let message = parseServerMessage(data);
      if (message.type === 'Ping') return;
      if (message.type === 'TransitionChunk') {
        const whole = this.#chunks.add(message);
        if (whole === null) return;
        message = whole;
      } else if (this.#chunks.isBuffering) {
        this.#chunks.reset();
        this.#options.logger.log(
          `Received unexpected ${message.type} while buffering TransitionChunks`,
        );
      }
      const { hasSyncedPastLastReconnect } = this.#options.onMessage(message);
      if (hasSyncedPastLastReconnect && this.#retries !== 0) {
        this.#retries = 0;
        this.#options.onStateChange();
      }
    } catch (error) {
      // A frame we cannot apply leaves our view of the server unknown: start a fresh connection.
      this.#options.logger.error(error);
      this.#closeAndReconnect(error instanceof Error ? error.message : String(error));
    }
  }

  #onClose(code: number, reason: string): void {
    this.#chunks.reset();
    if (this.#lastCloseReason === null)
      this.#lastCloseReason = reason || `closed with code ${code}`;
    if (!QUIET_CLOSE_CODES.has(code)) {
      const message = `WebSocket closed with code ${code}${reason ? `: ${reason}` : ''}`;
      this.#options.logger.log(message);
      if (reason) this.#options.onServerDisconnectError?.(message);
    }
    this.#scheduleReconnect(classifyDisconnectReason(reason));
  }

  #closeAndReconnect(reason: string): void {
    const state = this.#socket.state;
    if (state !== 'connecting' && state !== 'ready') return;
    this.#lastCloseReason = reason;
    void this.#closeSocket();
    this.#scheduleReconnect('client');
  }

  #scheduleReconnect(reason: DisconnectReason): void {
    this.#clearReconnect();
    this.#socket = { state: 'disconnected' };
    const delay = computeBackoff({
      reason,
      retries: this.#retries,
      random: (this.#options.random ?? Math.random)(),
    });
    this.#retries += 1;
    this.#options.onStateChange();
    this.#options.logger.log(`Attempting reconnect in ${Math.round(delay)}ms`);
    this.#reconnectTimer = setTimeout(() => {
      this.#reconnectTimer = undefined;
      this.#connect();
    }, delay);
  }

  #clearReconnect(): void {
    clearTimeout(this.#reconnectTimer);
    this.#reconnectTimer = undefined;
  }

  // Closes the current socket with its handlers detached, so its close event cannot schedule a
  // reconnect; callers set the next state themselves.
  #closeSocket(): Promise<void> {
    this.#chunks.reset();
    const socket = this.#socket;
    if (socket.state !== 'connecting' && socket.state !== 'ready') return Promise.resolve();
    const { ws } = socket;
    ws.onmessage = null;
    ws.onopen = null;
    // Not null: closing mid-handshake reports an error, and the `ws` package throws an 'error'
    // event that has no listener.
    ws.onerror = () => {};
    return new Promise((resolve) => {
      ws.onclose = () => resolve();
      ws.close();
    });
  }

  #resetInactivityTimer(): void {
    if (this.#socket.state === 'terminated') return;
    clearTimeout(this.#inactivityTimer);
    this.#inactivityTimer = setTimeout(
      () => this.#closeAndReconnect('InactiveServer'),
      SERVER_INACTIVITY_THRESHOLD,
    );
  }

  #listenForNetworkRecovery(): void {
    const window = browserWindow();
    if (window === undefined) return;
    this.#onlineListener = () => {
      if (this.#socket.state !== 'disconnected') return;
      this.#clearReconnect();
      this.#options.logger.log('Network recovery detected, reconnecting immediately');
      this.#connect();
    };
    window.addEventListener('online', this.#onlineListener);
  }

  #verbose(message: string): void {
    this.#options.logger.logVerbose(message);
  }
}
