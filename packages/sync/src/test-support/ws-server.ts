// A tiny HTTP server that mounts sync sessions on a `ws` WebSocketServer at
// `/api/<version>/sync`, for the end-to-end test and the benchmark (local-backend has its own
// transport). Test-only: never import this from package code.
import { createServer } from 'node:http';
import { type AddressInfo, type Socket } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import { type SyncEngine } from '../sync-engine.ts';
import { type SyncSocket, type SyncSocketHandler } from '../sync-socket.ts';

/** A listening sync server. */
export interface SyncTestServer {
  /** `http://127.0.0.1:<port>`, the deployment URL clients take. */
  readonly url: string;
  readonly port: number;
  /** With `countTypes`: how many frames of each `type` the server sent. */
  readonly sentTypes: Map<string, number>;
  /** Closes every open connection with `code` (clients reconnect). */
  dropConnections(code: number, reason: string): void;
  close(): Promise<void>;
  [Symbol.asyncDispose](): Promise<void>;
}

/** Serves `engine` on a loopback port; `countTypes` counts sent frames by type. */
export async function serveSync(
  engine: SyncEngine,
  options: { readonly countTypes?: boolean } = {},
): Promise<SyncTestServer> {
  const sentTypes = new Map<string, number>();
  const count =
    options.countTypes === true
      ? (text: string) => {
          const type = /^\{"type":"([A-Za-z]+)"/.exec(text)?.[1] ?? '?';
          sentTypes.set(type, (sentTypes.get(type) ?? 0) + 1);
        }
      : undefined;
  const server = createServer((_request, response) => response.writeHead(404).end());
  const sockets = new WebSocketServer({ noServer: true, perMessageDeflate: false });
  server.on('upgrade', (request, socket, head) => {
    const path = (request.url ?? '/').split('?')[0]!;
    if (!/^\/api\/([^/]+\/)?sync$/.test(path)) {
      socket.end('HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n');
      return;
    }
    const handler = engine.handlerFor({
      path,
      header: (name) => {
        const value = request.headers[name];
        return Array.isArray(value) ? value.join(', ') : value;
      },
    });
    sockets.handleUpgrade(request, socket, head, (ws) => attach(ws, handler, count));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  const close = () =>
    new Promise<void>((resolve) => {
      for (const client of sockets.clients) client.terminate();
      sockets.close();
      server.close(() => resolve());
      server.closeAllConnections();
    });
  const dropConnections = (code: number, reason: string) => {
    for (const client of sockets.clients) client.close(code, reason);
  };
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    sentTypes,
    dropConnections,
    close,
    [Symbol.asyncDispose]: close,
  };
}

/** Adapts one `ws` socket to the engine's socket interface (like local-backend's node transport). */
export function attach(
  ws: WebSocket,
  handler: SyncSocketHandler,
  onSend?: (text: string) => void,
): void {
  const socket: SyncSocket = {
    send(text) {
      if (ws.readyState !== ws.OPEN) return false;
      onSend?.(text);
      // No per-frame callback: it costs a nextTick per frame, and the engine only needs to hear
      // about drains once it stopped sending — then the buffer is above the stream's own
      // high-water mark, so the underlying socket emits 'drain' (wired below).
      ws.send(text);
      return true;
    },
    close(code, reason) {
      if (ws.readyState === ws.OPEN || ws.readyState === ws.CONNECTING) ws.close(code, reason);
    },
    ping() {
      if (ws.readyState === ws.OPEN) ws.ping();
    },
    bufferedAmount: () => ws.bufferedAmount,
  };
  ws.on('message', (data: Buffer) => {
    handler.onActivity(socket);
    handler.onMessage(socket, data.toString('utf8'));
  });
  ws.on('pong', () => handler.onActivity(socket));
  ws.on('close', (code: number, reason: Buffer) =>
    handler.onClose(socket, code, reason.toString('utf8')),
  );
  // `ws` does not re-emit its socket's 'drain'; `_socket` is its (stable, if private) net.Socket.
  (ws as unknown as { _socket: Socket })._socket.on('drain', () => handler.onDrain(socket));
  ws.on('error', () => ws.terminate());
  handler.onOpen(socket);
}
