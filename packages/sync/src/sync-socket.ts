/**
 * A WebSocket connection as the sync engine sees it, whichever transport holds it. Every frame
 * is text. Same shape as local-backend's `ServerSocket`, so a transport's socket can be passed
 * as is.
 *
 * @example
 * ```ts
 * const socket: SyncSocket = {
 *   send: (text) => (ws.send(text), true),
 *   close: (code, reason) => ws.close(code, reason),
 *   ping: () => ws.ping(),
 *   bufferedAmount: () => ws.bufferedAmount,
 * };
 * ```
 */
export interface SyncSocket {
  /** Queues one text frame. Returns false once the socket is closed. */
  send(text: string): boolean;
  /** Closes with a WebSocket close code and a short reason (≤ 123 bytes). */
  close(code: number, reason: string): void;
  /** Sends a protocol-level ping frame. */
  ping(): void;
  /** Bytes queued but not yet written to the network (backpressure). */
  bufferedAmount(): number;
}

/**
 * The events of one WebSocket connection, as a transport delivers them. Same shape as
 * local-backend's `SocketHandler`: return it from the upgrade hook for `/api/<version>/sync`.
 *
 * @example
 * ```ts
 * onUpgrade: (request) => isSyncPath(request.path) ? engine.handlerFor(request) : null,
 * ```
 */
export interface SyncSocketHandler {
  onOpen(socket: SyncSocket): void;
  onMessage(socket: SyncSocket, text: string): void;
  onClose(socket: SyncSocket, code: number, reason: string): void;
  /** The outbound buffer drained below the transport's threshold. */
  onDrain(socket: SyncSocket): void;
  /** Any frame (including a pong) arrived: the peer is alive. */
  onActivity(socket: SyncSocket): void;
}

/**
 * The part of an HTTP upgrade request the engine reads: the path carries the npm client
 * version (`/api/1.45.0/sync`); `/api/sync` takes it from the `Convex-Client` header.
 *
 * @example
 * ```ts
 * engine.handlerFor({ path: '/api/1.45.0/sync', header: () => undefined });
 * ```
 */
export interface SyncUpgrade {
  readonly path: string;
  header(name: string): string | undefined;
}
