import { once } from 'node:events';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import WebSocket from 'ws';
import { loadTransport } from './load-transport.ts';
import { nodeTransport } from './node-transport.ts';
import { BodyTooLargeError } from './server-request.ts';
import { textResponse } from './server-response.ts';
import type { HttpTransport, ListeningServer } from './transport.ts';

// The same tests run on every transport that loads on this machine.
const transports: HttpTransport[] = [nodeTransport];
const fast = await loadTransport('auto', () => {});
if (fast.name === 'uws') transports.push(fast);
else console.warn('[transport tests] uWebSockets.js does not load here: running on node:http + ws only');

describe.each(transports)('$name transport', (transport) => {
  let server: ListeningServer;
  let base: string;

  beforeAll(async () => {
    server = await transport.listen({
      host: '127.0.0.1',
      port: 0,
      onRequest: async (request) => {
        if (request.path === '/echo') {
          try {
            const body = await request.body(16);
            return { status: 200, headers: [['x-method', request.method], ['x-query', request.query]], body };
          } catch (error) {
            if (error instanceof BodyTooLargeError) return textResponse(413, error.message);
            throw error;
          }
        }
        if (request.path === '/headers') return textResponse(200, request.header('x-two') ?? 'missing');
        if (request.path === '/cookies') return { status: 200, headers: [['set-cookie', 'a=1'], ['set-cookie', 'b=2']], body: '' };
        if (request.path === '/stream') {
          async function* chunks() {
            for (let i = 0; i < 3; i += 1) {
              await Promise.resolve();
              yield new TextEncoder().encode(`part${i};`);
            }
          }
          return { status: 200, headers: [], body: chunks() };
        }
        return textResponse(404, 'nothing here');
      },
      onUpgrade: (request) => {
        if (request.path !== '/ws') return null;
        return {
          onOpen: (socket) => socket.send('hello'),
          onMessage: (socket, text) => {
            if (text === 'bye') socket.close(4001, 'asked to leave');
            else socket.send(`echo:${text}`);
          },
          onClose: () => {},
        };
      },
    });
    base = `http://127.0.0.1:${server.port}`;
  });
  afterAll(async () => server.close());

  test('serves a body with method and query', async () => {
    const response = await fetch(`${base}/echo?x=1`, { method: 'POST', body: 'hi there' });
    expect(response.status).toBe(200);
    expect(response.headers.get('x-method')).toBe('POST');
    expect(response.headers.get('x-query')).toBe('x=1');
    expect(await response.text()).toBe('hi there');
  });

  test('refuses a body over the limit and keeps serving', async () => {
    const response = await fetch(`${base}/echo`, { method: 'POST', body: 'x'.repeat(100) });
    expect(response.status).toBe(413);
    expect(await response.text()).toContain('limit of 16 bytes');
    const again = await fetch(`${base}/echo`, { method: 'POST', body: 'ok' });
    expect(await again.text()).toBe('ok');
  });

  test('reads request headers and writes repeated response headers', async () => {
    const response = await fetch(`${base}/headers`, { headers: { 'X-Two': 'yes' } });
    expect(await response.text()).toBe('yes');
    const cookies = await fetch(`${base}/cookies`);
    expect(cookies.headers.getSetCookie()).toEqual(['a=1', 'b=2']);
  });

  test('streams a body', async () => {
    expect(await (await fetch(`${base}/stream`)).text()).toBe('part0;part1;part2;');
  });

  test('upgrades to a WebSocket, exchanges text frames and closes with a code', async () => {
    const ws = new WebSocket(`ws://127.0.0.1:${server.port}/ws`);
    const received: string[] = [];
    ws.on('message', (data: Buffer) => received.push(data.toString()));
    await once(ws, 'open');
    ws.send('one');
    ws.send('bye');
    const [code, reason] = (await once(ws, 'close')) as [number, Buffer];
    expect(received).toEqual(['hello', 'echo:one']);
    expect(code).toBe(4001);
    expect(reason.toString()).toBe('asked to leave');
  });

  test('refuses an upgrade on an unknown path', async () => {
    const ws = new WebSocket(`ws://127.0.0.1:${server.port}/nope`);
    const [error] = (await once(ws, 'error')) as [Error];
    expect(error.message).toContain('404');
  });
});

describe('node transport backpressure', () => {
  test('reports drain once a client that stopped reading catches up (no callback per frame)', async () => {
    let drained!: () => void;
    const drainedOnce = new Promise<void>((resolve) => (drained = resolve));
    let peak = 0;
    const server = await nodeTransport.listen({
      host: '127.0.0.1',
      port: 0,
      onRequest: () => Promise.resolve(textResponse(404, 'nothing here')),
      onUpgrade: () => ({
        onOpen: () => {},
        onMessage: (socket) => {
          // Fill the kernel buffers and then the socket's own, as a sync session does for a
          // client that does not read (the engine stops at its high-water mark and waits).
          const chunk = 'x'.repeat(256 * 1024);
          for (let i = 0; i < 400 && socket.bufferedAmount() < 4 * 1024 * 1024; i++) socket.send(chunk);
          peak = socket.bufferedAmount();
        },
        onDrain: () => drained(),
        onClose: () => {},
      }),
    });
    try {
      const ws = new WebSocket(`ws://127.0.0.1:${server.port}/ws`);
      await once(ws, 'open');
      ws.pause();
      ws.send('flood');
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(peak).toBeGreaterThanOrEqual(4 * 1024 * 1024);
      ws.resume();
      await drainedOnce;
      ws.terminate();
    } finally {
      await server.close();
    }
  });
});
