import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import { BodyTooLargeError, type ServerRequest } from './server-request.ts';
import type { ServerResponse } from './server-response.ts';
import type { ServerSocket, SocketHandler, UpgradeRequest } from './server-socket.ts';
import { InFlightRequests } from './in-flight-requests.ts';
import { defaultRequestTimeoutMs, type HttpTransport, type ListenOptions, type ListeningServer } from './transport.ts';

const defaultMaxMessageBytes = 64 * 1024 * 1024;

/**
 * The portable HTTP edge: `node:http` for requests and the `ws` package for WebSockets. Used
 * wherever the uWebSockets.js binary does not load (e.g. glibc older than 2.38).
 *
 * @example
 * const server = await nodeTransport.listen({ host: '127.0.0.1', port: 0, onRequest });
 */
export const nodeTransport: HttpTransport = {
  name: 'node',
  listen: listenWithNode,
};

async function listenWithNode(options: ListenOptions): Promise<ListeningServer> {
  const inFlight = new InFlightRequests();
  const requestTimeout = options.requestTimeoutMs ?? defaultRequestTimeoutMs;
  const server = http.createServer(
    {
      keepAliveTimeout: 65_000,
      requestTimeout,
      // node:http checks request timeouts only on this interval (default 30 s): check often
      // enough that a short timeout is enforced close to when it expires.
      connectionsCheckingInterval: Math.max(100, Math.min(30_000, Math.floor(requestTimeout / 4))),
    },
    (req, res) => {
      inFlight.started();
      res.once('close', () => inFlight.finished());
      void serve(options, req, res);
    },
  );
  const sockets = new WebSocketServer({
    noServer: true,
    maxPayload: options.maxMessageBytes ?? defaultMaxMessageBytes,
    perMessageDeflate: false,
  });
  server.on('upgrade', (req: http.IncomingMessage, socket, head: Buffer) => {
    const handler = options.onUpgrade?.(upgradeRequestFrom(req)) ?? null;
    if (handler === null) {
      socket.end('HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n');
      return;
    }
    sockets.handleUpgrade(req, socket, head, (ws) => attachSocket(ws, handler, { connection: socket, remoteAddress: req.socket.remoteAddress }));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  return {
    port,
    connections: () => ({ http: inFlight.count, websocket: sockets.clients.size }),
    close: async (drainMs = 0) => {
      for (const client of sockets.clients) client.terminate();
      sockets.close();
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      await inFlight.drained(drainMs);
      server.closeAllConnections();
      await closed;
    },
  };
}

async function serve(options: ListenOptions, req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
  const request = new NodeRequest(req);
  let response: ServerResponse;
  try {
    response = await options.onRequest(request);
  } catch {
    // Handlers are meant to map every failure to a response; this is the last line of defence.
    response = { status: 500, headers: [['content-type', 'application/json']], body: '{"code":"InternalServerError","message":"Internal server error"}' };
  }
  await writeResponse(res, response, request.mustClose);
}

async function writeResponse(res: http.ServerResponse, response: ServerResponse, mustClose: boolean): Promise<void> {
  const headers: string[] = [];
  let hasLength = false;
  for (const [name, value] of response.headers) {
    headers.push(name, value);
    if (name.toLowerCase() === 'content-length') hasLength = true;
  }
  if (mustClose) headers.push('connection', 'close');
  const body = response.body;
  if (!hasLength && (typeof body === 'string' || body instanceof Uint8Array)) {
    headers.push('content-length', String(typeof body === 'string' ? Buffer.byteLength(body) : body.byteLength));
  }
  res.writeHead(response.status, headers);
  if (body === null || typeof body === 'string' || body instanceof Uint8Array) {
    res.end(body ?? undefined);
    return;
  }
  try {
    for await (const chunk of body) {
      if (!res.write(chunk)) await new Promise((resolve) => res.once('drain', resolve));
      if (res.destroyed) return;
    }
    res.end();
  } catch {
    res.destroy();
  }
}

class NodeRequest implements ServerRequest {
  readonly method: string;
  readonly path: string;
  readonly query: string;
  readonly remoteAddress: string | undefined;
  /** Set when the body was refused part-way: the connection cannot be reused. */
  mustClose = false;
  readonly #req: http.IncomingMessage;

  constructor(req: http.IncomingMessage) {
    this.#req = req;
    this.method = (req.method ?? 'GET').toUpperCase();
    const url = req.url ?? '/';
    const q = url.indexOf('?');
    this.path = q === -1 ? url : url.slice(0, q);
    this.query = q === -1 ? '' : url.slice(q + 1);
    this.remoteAddress = req.socket.remoteAddress;
  }

  header(name: string): string | undefined {
    const value = this.#req.headers[name];
    return Array.isArray(value) ? value.join(', ') : value;
  }

  headerPairs(): readonly (readonly [string, string])[] {
    const raw = this.#req.rawHeaders;
    const pairs: [string, string][] = [];
    for (let i = 0; i + 1 < raw.length; i += 2) pairs.push([raw[i]!.toLowerCase(), raw[i + 1]!]);
    return pairs;
  }

  body(limit: number): Promise<Uint8Array> {
    const req = this.#req;
    return new Promise((resolve, reject) => {
      const chunks: Buffer[] = [];
      let size = 0;
      const onData = (chunk: Buffer) => {
        size += chunk.length;
        if (size > limit) {
          cleanup();
          this.mustClose = true;
          req.resume();
          reject(new BodyTooLargeError(limit));
          return;
        }
        chunks.push(chunk);
      };
      const onEnd = () => {
        cleanup();
        resolve(chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, size));
      };
      const onError = (error: Error) => {
        cleanup();
        reject(error);
      };
      const cleanup = () => {
        req.off('data', onData);
        req.off('end', onEnd);
        req.off('error', onError);
      };
      req.on('data', onData);
      req.on('end', onEnd);
      req.on('error', onError);
    });
  }
}

function upgradeRequestFrom(req: http.IncomingMessage): UpgradeRequest {
  const url = req.url ?? '/';
  const q = url.indexOf('?');
  return {
    path: q === -1 ? url : url.slice(0, q),
    query: q === -1 ? '' : url.slice(q + 1),
    header: (name) => {
      const value = req.headers[name];
      return Array.isArray(value) ? value.join(', ') : value;
    },
    remoteAddress: req.socket.remoteAddress,
  };
}

function attachSocket(ws: WebSocket, handler: SocketHandler, tcp: { readonly connection: Duplex; readonly remoteAddress: string | undefined }): void {
  const { remoteAddress } = tcp;
  const socket: ServerSocket = {
    send(text) {
      if (ws.readyState !== ws.OPEN) return false;
      // No per-frame callback: at 10,000 subscribers one commit is 10,000 sends, and a callback
      // each (plus its nextTick) is pure overhead. Backpressure only needs the 'drain' below.
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
    remoteAddress,
  };
  ws.on('message', (data: Buffer | ArrayBuffer | Buffer[]) => {
    handler.onActivity?.(socket);
    handler.onMessage(socket, textOf(data));
  });
  // The TCP socket emits 'drain' once a refused write's buffer has emptied: the only moment a
  // sender held back by `bufferedAmount()` needs to hear about.
  tcp.connection.on('drain', () => handler.onDrain?.(socket));
  ws.on('pong', () => handler.onActivity?.(socket));
  ws.on('ping', () => handler.onActivity?.(socket));
  ws.on('close', (code: number, reason: Buffer) => handler.onClose(socket, code, reason.toString('utf8')));
  ws.on('error', () => ws.terminate());
  handler.onOpen(socket);
}

function textOf(data: Buffer | ArrayBuffer | Buffer[]): string {
  if (Array.isArray(data)) return Buffer.concat(data).toString('utf8');
  if (data instanceof ArrayBuffer) return Buffer.from(data).toString('utf8');
  return data.toString('utf8');
}
