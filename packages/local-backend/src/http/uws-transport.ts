import { STATUS_CODES } from 'node:http';
import type * as Uws from 'uWebSockets.js';
import { BodyTooLargeError, type ServerRequest } from './server-request.ts';
import type { ServerResponse } from './server-response.ts';
import type { ServerSocket, SocketHandler, UpgradeRequest } from './server-socket.ts';
import { InFlightRequests } from './in-flight-requests.ts';
import { defaultRequestTimeoutMs, type HttpTransport, type ListenOptions, type ListeningServer } from './transport.ts';

/** Bodies are buffered as they arrive (uWS needs a data handler at once); beyond this, refused. */
const maxBufferedBody = 256 * 1024 * 1024;
const defaultMaxMessageBytes = 64 * 1024 * 1024;
const textDecoder = new TextDecoder();

/**
 * The fast HTTP edge on uWebSockets.js. Only constructed when the native binary loaded (see
 * `loadTransport`); its module is passed in so that this file never imports it itself.
 *
 * @example
 * const transport = uwsTransport(await import('uWebSockets.js'));
 */
export function uwsTransport(uws: typeof Uws): HttpTransport {
  return { name: 'uws', listen: (options) => listenWithUws(uws, options) };
}

interface SocketData {
  readonly handler: SocketHandler;
  readonly remoteAddress: string | undefined;
  socket: ServerSocket | undefined;
  closed: boolean;
}

function listenWithUws(uws: typeof Uws, options: ListenOptions): Promise<ListeningServer> {
  const app = uws.App();
  let openSockets = 0;
  app.ws<SocketData>('/*', {
    maxPayloadLength: options.maxMessageBytes ?? defaultMaxMessageBytes,
    idleTimeout: 0, // the sync engine runs its own keepalive and timeouts
    sendPingsAutomatically: false,
    maxBackpressure: 64 * 1024 * 1024,
    upgrade: (res, req, context) => {
      const upgrade = upgradeRequestFrom(req, res);
      const key = req.getHeader('sec-websocket-key');
      const protocol = req.getHeader('sec-websocket-protocol');
      const extensions = req.getHeader('sec-websocket-extensions');
      const handler = options.onUpgrade?.(upgrade) ?? null;
      if (handler === null) {
        res.writeStatus('404 Not Found').end();
        return;
      }
      const data: SocketData = { handler, remoteAddress: upgrade.remoteAddress, socket: undefined, closed: false };
      res.upgrade(data, key, protocol, extensions, context);
    },
    open: (ws) => {
      openSockets += 1;
      const data = ws.getUserData();
      data.socket = socketFor(ws, data);
      data.handler.onOpen(data.socket);
    },
    message: (ws, message) => {
      const data = ws.getUserData();
      if (data.socket === undefined) return;
      data.handler.onActivity?.(data.socket);
      data.handler.onMessage(data.socket, textDecoder.decode(message));
    },
    drain: (ws) => {
      const data = ws.getUserData();
      if (data.socket !== undefined) data.handler.onDrain?.(data.socket);
    },
    pong: (ws) => {
      const data = ws.getUserData();
      if (data.socket !== undefined) data.handler.onActivity?.(data.socket);
    },
    close: (ws, code, message) => {
      openSockets -= 1;
      const data = ws.getUserData();
      data.closed = true;
      if (data.socket !== undefined) data.handler.onClose(data.socket, code, textDecoder.decode(message));
    },
  });
  const inFlight = new InFlightRequests();
  const requestTimeoutMs = options.requestTimeoutMs ?? defaultRequestTimeoutMs;
  app.any('/*', (res, req) => {
    const request = new UwsRequest(res, req, requestTimeoutMs);
    inFlight.started();
    void respond(res, request, options).finally(() => inFlight.finished());
  });
  return new Promise((resolve, reject) => {
    app.listen(options.host, options.port, (token) => {
      if (token === false) {
        reject(new Error(`Could not listen on ${options.host}:${options.port}`));
        return;
      }
      resolve({
        port: uws.us_socket_local_port(token),
        connections: () => ({ http: inFlight.count, websocket: openSockets }),
        close: async (drainMs = 0) => {
          uws.us_listen_socket_close(token);
          await inFlight.drained(drainMs);
          app.close();
        },
      });
    });
  });
}

async function respond(res: Uws.HttpResponse, request: UwsRequest, options: ListenOptions): Promise<void> {
  let response: ServerResponse;
  try {
    response = await options.onRequest(request);
  } catch {
    response = { status: 500, headers: [['content-type', 'application/json']], body: '{"code":"InternalServerError","message":"Internal server error"}' };
  }
  if (request.aborted) return;
  const body = response.body;
  if (body === null || typeof body === 'string' || body instanceof Uint8Array) {
    res.cork(() => {
      writeHead(res, response);
      res.end(body ?? '', request.mustClose);
    });
    return;
  }
  res.cork(() => writeHead(res, response));
  try {
    for await (const chunk of body) {
      if (request.aborted) return;
      let accepted = true;
      res.cork(() => {
        accepted = res.write(chunk);
      });
      if (!accepted) await new Promise<void>((resolve) => res.onWritable(() => (resolve(), true)));
    }
    if (!request.aborted) res.cork(() => res.end());
  } catch {
    if (!request.aborted) res.close();
  }
}

function writeHead(res: Uws.HttpResponse, response: ServerResponse): void {
  res.writeStatus(`${response.status} ${STATUS_CODES[response.status] ?? ''}`);
  for (const [name, value] of response.headers) {
    // uWS computes the length (or chunks the stream) itself.
    if (name.toLowerCase() !== 'content-length') res.writeHeader(name, value);
  }
}

class UwsRequest implements ServerRequest {
  readonly method: string;
  readonly path: string;
  readonly query: string;
  readonly remoteAddress: string | undefined;
  aborted = false;
  mustClose = false;
  readonly #headers: [string, string][] = [];
  readonly #chunks: Uint8Array[] = [];
  #size = 0;
  #complete = false;
  #tooLarge = false;
  #waiters: (() => void)[] = [];
  #timer: NodeJS.Timeout | undefined;

  constructor(res: Uws.HttpResponse, req: Uws.HttpRequest, timeoutMs: number) {
    // Everything on `req` must be read now: it is only valid during the handler call.
    this.method = req.getCaseSensitiveMethod().toUpperCase();
    this.path = req.getUrl();
    this.query = req.getQuery() ?? '';
    req.forEach((name, value) => this.#headers.push([name, value]));
    this.remoteAddress = textDecoder.decode(res.getRemoteAddressAsText()) || undefined;
    res.onAborted(() => {
      this.aborted = true;
      this.#finish();
    });
    if (this.method === 'GET' || this.method === 'HEAD') {
      this.#complete = true;
      return;
    }
    // uWS has no whole-request timeout of its own (node:http's `requestTimeout`): a body that
    // has not fully arrived in time gets 408 and the connection is closed.
    this.#timer = setTimeout(() => {
      if (this.#complete || this.aborted) return;
      this.aborted = true;
      res.cork(() => res.writeStatus('408 Request Timeout').writeHeader('content-type', 'application/json').end('{"code":"RequestTimeout","message":"The request body did not arrive in time."}', true));
      this.#finish();
    }, timeoutMs);
    this.#timer.unref();
    res.onData((chunk, isLast) => {
      if (!this.#tooLarge) {
        this.#size += chunk.byteLength;
        if (this.#size > maxBufferedBody) {
          this.#tooLarge = true;
          this.#chunks.length = 0;
        } else {
          // The ArrayBuffer is neutered after this callback returns: copy it.
          this.#chunks.push(new Uint8Array(chunk.slice(0)));
        }
      }
      if (isLast) this.#finish();
    });
  }

  header(name: string): string | undefined {
    const values = this.#headers.filter(([key]) => key === name).map(([, value]) => value);
    return values.length === 0 ? undefined : values.join(', ');
  }

  headerPairs(): readonly (readonly [string, string])[] {
    return this.#headers;
  }

  async body(limit: number): Promise<Uint8Array> {
    if (!this.#complete) await new Promise<void>((resolve) => this.#waiters.push(resolve));
    if (this.aborted) throw new Error('The client went away before the body arrived.');
    if (this.#tooLarge || this.#size > limit) {
      this.mustClose = true;
      throw new BodyTooLargeError(limit);
    }
    if (this.#chunks.length === 1) return this.#chunks[0]!;
    const body = new Uint8Array(this.#size);
    let offset = 0;
    for (const chunk of this.#chunks) {
      body.set(chunk, offset);
      offset += chunk.byteLength;
    }
    return body;
  }

  #finish(): void {
    clearTimeout(this.#timer);
    this.#complete = true;
    for (const wake of this.#waiters.splice(0)) wake();
  }
}

function upgradeRequestFrom(req: Uws.HttpRequest, res: Uws.HttpResponse): UpgradeRequest {
  const headers: [string, string][] = [];
  req.forEach((name, value) => headers.push([name, value]));
  return {
    path: req.getUrl(),
    query: req.getQuery() ?? '',
    header: (name) => headers.find(([key]) => key === name)?.[1],
    remoteAddress: textDecoder.decode(res.getRemoteAddressAsText()) || undefined,
  };
}

function socketFor(ws: Uws.WebSocket<SocketData>, data: SocketData): ServerSocket {
  return {
    send(text) {
      if (data.closed) return false;
      return ws.send(text, false) !== 2;
    },
    close(code, reason) {
      if (!data.closed) ws.end(code, reason);
    },
    ping() {
      if (!data.closed) ws.ping();
    },
    bufferedAmount: () => (data.closed ? 0 : ws.getBufferedAmount()),
    remoteAddress: data.remoteAddress,
  };
}
