/**
 * A WebSocket connection as the sync engine sees it, whichever transport holds it. Every
 * message is a text frame.
 *
 * @example
 * socket.send('{"type":"Ping"}');
 */
export interface ServerSocket {
  /** Queues one text frame. Returns false once the socket is closed. */
  send(text: string): boolean;
  /** Closes with a WebSocket close code and a short reason (≤ 123 bytes). */
  close(code: number, reason: string): void;
  /** Sends a protocol-level ping frame. */
  ping(): void;
  /** Bytes queued but not yet written to the network (for backpressure). */
  bufferedAmount(): number;
  readonly remoteAddress: string | undefined;
}

/** The events of one WebSocket connection, delivered by the transport. */
export interface SocketHandler {
  onOpen(socket: ServerSocket): void;
  onMessage(socket: ServerSocket, text: string): void;
  onClose(socket: ServerSocket, code: number, reason: string): void;
  /** The outbound buffer drained below the transport's threshold. */
  onDrain?(socket: ServerSocket): void;
  /** Any frame (including a pong) arrived: the peer is alive. */
  onActivity?(socket: ServerSocket): void;
}

/** Information about an upgrade request, before the socket exists. */
export interface UpgradeRequest {
  readonly path: string;
  readonly query: string;
  header(name: string): string | undefined;
  readonly remoteAddress: string | undefined;
}
