import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, test } from 'vitest';
import { Beacon } from './beacon.ts';
import type { BeaconPayload } from './beacon-payload.ts';

const payload = (): BeaconPayload => ({
  database_uuid: 'f0e1d2c3-0000-4000-8000-000000000000',
  migration_version: 1,
  compiled_revision: 'abc123',
  commit_timestamp: '2026-11-25T00:00:00Z',
  uptime: 12,
  beacon_tag: 'self-hosted',
  beacon_fields: {},
});

/** A local HTTP sink that answers with the given statuses in turn (the last one repeats). */
async function startSink(statuses: number[]) {
  const bodies: unknown[] = [];
  const server = http.createServer((req, res) => {
    let text = '';
    req.on('data', (chunk: Buffer) => (text += chunk.toString()));
    req.on('end', () => {
      bodies.push(JSON.parse(text));
      res.writeHead(statuses[Math.min(bodies.length - 1, statuses.length - 1)] ?? 200).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, bodies, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/beacon` };
}

async function waitFor(condition: () => boolean, timeoutMs = 5000): Promise<void> {
  const start = Date.now();
  while (!condition()) {
    if (Date.now() - start > timeoutMs) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

let cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const step of cleanup.reverse()) await step();
  cleanup = [];
});

describe('Beacon', () => {
  test('posts the payload and posts again after the interval', async () => {
    const sink = await startSink([200]);
    cleanup.push(() => new Promise((resolve) => sink.server.close(() => resolve())));
    const beacon = new Beacon({ url: sink.url, payload, intervalMs: 30 });
    const running = beacon.run();
    cleanup.push(async () => {
      await beacon.stop();
      await running;
    });
    await waitFor(() => beacon.successfulPosts >= 2);
    expect(sink.bodies[0]).toEqual(payload());
  });

  test('backs off after a failing sink and recovers', async () => {
    const sink = await startSink([500, 500, 200]);
    cleanup.push(() => new Promise((resolve) => sink.server.close(() => resolve())));
    const beacon = new Beacon({ url: sink.url, payload, intervalMs: 60_000, minBackoffMs: 10, maxBackoffMs: 40 });
    const running = beacon.run();
    cleanup.push(async () => {
      await beacon.stop();
      await running;
    });
    await waitFor(() => beacon.successfulPosts === 1);
    expect(sink.bodies).toHaveLength(3);
  });

  test('an unreachable sink never blocks, and stop ends it at once', async () => {
    const sink = await startSink([200]);
    const url = sink.url;
    await new Promise<void>((resolve) => sink.server.close(() => resolve()));
    const lines: string[] = [];
    const beacon = new Beacon({ url, payload, minBackoffMs: 5, maxBackoffMs: 10, log: (line) => lines.push(line) });
    const running = beacon.run();
    await waitFor(() => lines.length >= 3);
    const stoppedAt = Date.now();
    await beacon.stop();
    await running;
    expect(Date.now() - stoppedAt).toBeLessThan(1000);
    expect(beacon.successfulPosts).toBe(0);
    expect(lines[0]).toContain('beacon: post failed');
  });
});
