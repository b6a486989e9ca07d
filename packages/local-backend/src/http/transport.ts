import type { ServerRequest } from './server-request.ts';
import type { ServerResponse } from './server-response.ts';
import type { SocketHandler, UpgradeRequest } from './server-socket.ts';

/** Default of {@link ListenOptions.requestTimeoutMs}, as in Convex (`HTTP_SERVER_TIMEOUT_SECONDS`). */
export const defaultRequestTimeoutMs = 300_000;

/** Turns a request into a response. Must not throw: routes map their errors to responses. */
export type RequestHandler = (request: ServerRequest) => Promise<ServerResponse>;

/** Decides whether an upgrade request becomes a WebSocket, and who handles it (null: 404). */
export type UpgradeHandler = (request: UpgradeRequest) => SocketHandler | null;

/** Where and what to serve. */
export interface ListenOptions {
  readonly host: string;
  /** 0 picks a free port (tests). */
  readonly port: number;
  readonly onRequest: RequestHandler;
  readonly onUpgrade?: UpgradeHandler | undefined;
  /** The largest WebSocket message accepted, in bytes. */
  readonly maxMessageBytes?: number | undefined;
  /**
   * How long a client may take to send a whole request, headers and body (default 300 s,
   * `HTTP_SERVER_TIMEOUT_SECONDS`); a slower one gets 408 and its connection is closed.
   */
  readonly requestTimeoutMs?: number | undefined;
}

/** Connections the server has open right now. */
export interface OpenConnections {
  /** HTTP requests being received or answered (idle keep-alive connections are not counted). */
  readonly http: number;
  readonly websocket: number;
}

/** A listening server. */
export interface ListeningServer {
  /** The port actually bound (useful with port 0). */
  readonly port: number;
  /**
   * Stops accepting connections at once, lets requests in progress finish for up to `drainMs`
   * (default 0), then closes every connection (WebSockets right away: the sync engine has
   * already told its clients to reconnect elsewhere).
   */
  close(drainMs?: number): Promise<void>;
  /** What is open now, for the `selfhost_open_connections` gauge. */
  connections(): OpenConnections;
}

/**
 * The HTTP edge: one small interface, two implementations (uWebSockets.js where its binary
 * loads, `node:http` + `ws` elsewhere). See shared/ARCHITECTURE.md, "The HTTP edge".
 *
 * @example
 * const server = await transport.listen({ host: '127.0.0.1', port: 0, onRequest });
 */
export interface HttpTransport {
  readonly name: 'uws' | 'node';
  listen(options: ListenOptions): Promise<ListeningServer>;
}
