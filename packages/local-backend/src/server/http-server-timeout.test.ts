import { once } from 'node:events';
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startTestBackend, type TestBackend } from '../test-support/start-test-backend.ts';

let ctx: TestBackend;
beforeAll(async () => {
  ctx = await startTestBackend({ HTTP_SERVER_TIMEOUT_SECONDS: '1' });
});
afterAll(async () => ctx.stop());

describe('HTTP_SERVER_TIMEOUT_SECONDS', () => {
  test('a request whose body stops arriving gets 408 and its connection is closed', async () => {
    const socket = net.connect(ctx.backend.apiPort, '127.0.0.1');
    await once(socket, 'connect');
    let received = '';
    socket.on('data', (chunk: Buffer) => (received += chunk.toString('latin1')));
    // Promises 100 bytes and sends 4, then nothing: only the server's timeout can end this.
    socket.write('POST /api/mutation HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"pa');
    await once(socket, 'close');
    expect(received).toMatch(/^HTTP\/1\.1 408 /);
    const version = await fetch(`${ctx.url}/version`);
    expect(version.status).toBe(200);
  });
});
