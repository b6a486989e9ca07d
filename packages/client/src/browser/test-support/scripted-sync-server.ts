// Test support only: a loopback WebSocket server that plays the server side of a scripted sync
// conversation. To be replaced by tests against the real backend once it exists.
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';

const WAIT_LIMIT_MS = 5_000;

/** One client connection as the script sees it. @example const msg = await connection.next(); */
export class ScriptedConnection {
  readonly received: Record<string, unknown>[] = [];
  readonly #socket: WebSocket;
  #waiters: (() => void)[] = [];
  #read = 0;

  constructor(socket: WebSocket) {
    this.#socket = socket;
    socket.on('message', (data) => {
      // `ws` hands text frames over as a Buffer (binaryType 'nodebuffer').
      this.received.push(JSON.parse((data as Buffer).toString('utf8')) as Record<string, unknown>);
      for (const wake of this.#waiters.splice(0)) wake();
    });
  }

  /** The next message not read yet, waiting for it if needed (bounded). */
  async next(): Promise<Record<string, unknown>> {
    const deadline = Date.now() + WAIT_LIMIT_MS;
    while (this.received.length <= this.#read) {
      if (Date.now() > deadline)
        throw new Error(
          `no message after ${WAIT_LIMIT_MS} ms; got ${JSON.stringify(this.received)}`,
        );
      await new Promise<void>((resolve) => {
        this.#waiters.push(resolve);
        setTimeout(resolve, 50);
      });
    }
    return this.received[this.#read++] as Record<string, unknown>;
  }

  /** Sends one server message. */
  send(message: object): void {
    this.#socket.send(JSON.stringify(message));
  }

  /** Drops the TCP connection without a close frame, as a crashed server would. */
  drop(): void {
    this.#socket.terminate();
  }
}

/** A loopback sync server on a random port. @example await using server = await ScriptedSyncServer.start(); */
export class ScriptedSyncServer {
  readonly #server: WebSocketServer;
  readonly #connections: ScriptedConnection[] = [];
  readonly paths: string[] = [];
  #taken = 0;

  private constructor(server: WebSocketServer) {
    this.#server = server;
    server.on('connection', (socket, request) => {
      this.paths.push(request.url ?? '');
      this.#connections.push(new ScriptedConnection(socket));
    });
  }

  static async start(): Promise<ScriptedSyncServer> {
    const server = new WebSocketServer({ host: '127.0.0.1', port: 0 });
    await new Promise<void>((resolve) => server.once('listening', resolve));
    return new ScriptedSyncServer(server);
  }

  /** The deployment URL clients connect to. */
  get url(): string {
    return `http://127.0.0.1:${(this.#server.address() as AddressInfo).port}`;
  }

  /** The next connection not taken yet, waiting for it (bounded). */
  async nextConnection(): Promise<ScriptedConnection> {
    const deadline = Date.now() + WAIT_LIMIT_MS;
    while (this.#connections.length <= this.#taken) {
      if (Date.now() > deadline) throw new Error('no connection');
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    return this.#connections[this.#taken++] as ScriptedConnection;
  }

  async [Symbol.asyncDispose](): Promise<void> {
    for (const client of this.#server.clients) client.terminate();
    await new Promise<void>((resolve) => this.#server.close(() => resolve()));
  }
}
