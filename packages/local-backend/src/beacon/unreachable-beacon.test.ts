import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test } from 'vitest';
import { readConfig } from '../config/read-config.ts';
import { loadInstanceCredentials } from '../credentials/instance-credentials.ts';
import { startBackend } from '../server/start-backend.ts';

/** A loopback port nothing listens on (taken, then released). */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

test('a backend whose beacon endpoint refuses connections serves as usual', async () => {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'selfhost-beacon-down-'));
  const env = { SELFHOST_BEACON_URL: `http://127.0.0.1:${await closedPort()}/beacon` };
  const config = readConfig(['--interface', '127.0.0.1', '--port', '0', '--site-proxy-port', '0', '--data-dir', dataDir], env);
  const logs: string[] = [];
  const backend = await startBackend({ config, credentials: await loadInstanceCredentials(dataDir, config), log: (line) => logs.push(line) });
  try {
    // The first post is made at start and fails.
    for (let i = 0; i < 200 && !logs.some((line) => line.startsWith('beacon: post failed')); i++) {
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    expect(logs.find((line) => line.startsWith('beacon: post failed'))).toMatch(/will retry$/);
    const version = await fetch(`http://127.0.0.1:${backend.apiPort}/version`);
    expect(version.status).toBe(200);
  } finally {
    await backend.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
});
