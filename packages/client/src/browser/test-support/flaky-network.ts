// Test support only: a network between sync clients and a real backend that tests can break.
import { createServer, connect, type Server, type Socket } from 'node:net';

/** One sync message as a test sees it, parsed from its text frame. */
export type SyncMessage = Record<string, unknown> & { readonly type: string };

/** The moment to cut the connection: a message the client is about to receive. */
export type CutPredicate = (message: SyncMessage) => boolean;

/**
 * A TCP proxy on 127.0.0.1 in front of a real backend, plus a `WebSocket` class for clients
 * that records every sync message. Tests drop all connections abruptly (no close frame, as a
 * network failure: the client sees code 1006), refuse new ones for a while, or cut the
 * connection just before the client would receive a chosen message — that message and all
 * later ones on the same socket are never delivered, so the client cannot tell a late frame
 * from a lost one.
 *
 * @example
 * ```ts
 * await using network = await FlakyNetwork.start(backend.url);
 * const client = new ConvexClient(network.url, { webSocketConstructor: network.WebSocket });
 * network.cutBefore((message) => message.type === 'MutationResponse');
 * ```
 */
export class FlakyNetwork implements AsyncDisposable {
  /** What clients received, in order, across connections. */
  readonly received: SyncMessage[] = [];
  /** What clients sent, in order, across connections. */
  readonly sent: SyncMessage[] = [];
  /** Pass this as `webSocketConstructor`. */
  readonly WebSocket: typeof WebSocket;
  readonly #server: Server;
  readonly #sockets = new Set<Socket>();
  readonly #port: number;
  #down = false;
  #cut: CutPredicate | undefined;
  #cuts = 0;
  #connections = 0;

  private constructor(server: Server, target: { host: string; port: number }) {
    this.#server = server;
    const address = server.address();
    this.#port = typeof address === 'object' && address !== null ? address.port : 0;
    server.on('connection', (downstream) => this.#accept(downstream, target));
    this.WebSocket = watchedWebSocketClass(this);
  }

  /**
   * Starts the proxy in front of `targetUrl` (an `http://127.0.0.1:<port>` deployment URL).
   *
   * @example
   * ```ts
   * const network = await FlakyNetwork.start(backend.url);
   * ```
   */
  static async start(targetUrl: string): Promise<FlakyNetwork> {
    const target = new URL(targetUrl);
    const server = createServer();
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', resolve);
    });
    return new FlakyNetwork(server, { host: target.hostname, port: Number(target.port) });
  }

  /** The deployment URL to give clients: `http://127.0.0.1:<proxy port>`. */
  get url(): string {
    return `http://127.0.0.1:${this.#port}`;
  }

  /** How many TCP connections the proxy has accepted (and not refused). */
  get connections(): number {
    return this.#connections;
  }

  /** How many times a {@link cutBefore} predicate fired. */
  get cuts(): number {
    return this.#cuts;
  }

  /** Destroys every open connection at once, in both directions. */
  dropConnections(): void {
    for (const socket of this.#sockets) socket.destroy();
    this.#sockets.clear();
  }

  /** While down, every new connection is closed as soon as it is accepted. */
  setDown(down: boolean): void {
    this.#down = down;
  }

  /**
   * Once: when a client is about to receive a message matching `predicate`, that message is
   * swallowed and every connection dropped.
   */
  cutBefore(predicate: CutPredicate): void {
    this.#cut = predicate;
  }

  /** @internal Called by the watched WebSocket class for each incoming message. */
  shouldCut(message: SyncMessage): boolean {
    if (this.#cut === undefined || !this.#cut(message)) return false;
    this.#cut = undefined;
    this.#cuts += 1;
    // After the current frame handler returns, so the socket is not destroyed mid-dispatch.
    queueMicrotask(() => this.dropConnections());
    return true;
  }

  async [Symbol.asyncDispose](): Promise<void> {
    this.dropConnections();
    await new Promise<void>((resolve) => this.#server.close(() => resolve()));
  }

  #accept(downstream: Socket, target: { host: string; port: number }): void {
    if (this.#down) {
      downstream.destroy();
      return;
    }
    this.#connections += 1;
    const upstream = connect(target.port, target.host);
    for (const socket of [downstream, upstream]) {
      this.#sockets.add(socket);
      socket.on('error', () => {});
      socket.on('close', () => {
        this.#sockets.delete(socket);
        downstream.destroy();
        upstream.destroy();
      });
    }
    downstream.pipe(upstream);
    upstream.pipe(downstream);
  }
}

/**
 * A subclass of the global `WebSocket` that records sync messages in `network` and delivers an
 * incoming message only while no cut has happened on its connection.
 */
function watchedWebSocketClass(network: FlakyNetwork): typeof WebSocket {
  class WatchedWebSocket extends WebSocket {
    #onmessage: ((event: MessageEvent) => unknown) | null = null;
    #cut = false;

    constructor(url: string | URL, protocols?: ConstructorParameters<typeof WebSocket>[1]) {
      super(url, protocols);
      // Clients assign `onmessage`; the real handler is installed once, here, and forwards.
      super.onmessage = (event: MessageEvent) => {
        if (this.#cut) return;
        const message = JSON.parse(String(event.data)) as SyncMessage;
        if (network.shouldCut(message)) {
          this.#cut = true;
          return;
        }
        network.received.push(message);
        this.#onmessage?.(event);
      };
    }

    override get onmessage(): ((event: MessageEvent) => unknown) | null {
      return this.#onmessage;
    }

    override set onmessage(handler: ((event: MessageEvent) => unknown) | null) {
      this.#onmessage = handler;
    }

    override send(data: string | ArrayBufferLike | Blob | ArrayBufferView): void {
      if (typeof data === 'string') network.sent.push(JSON.parse(data) as SyncMessage);
      super.send(data);
    }
  }
  return WatchedWebSocket;
}
