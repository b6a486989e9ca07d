import { once } from 'node:events';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import WebSocket from 'ws';
import { pushModules } from '../test-support/push-modules.ts';
import { rawModules } from '../test-support/raw-modules.ts';
import { startTestBackend, type TestBackend } from '../test-support/start-test-backend.ts';

let ctx: TestBackend;
beforeAll(async () => {
  ctx = await startTestBackend();
  // Each bump reads the whole table and then writes to it: bumps that overlap conflict.
  await pushModules(
    ctx,
    rawModules({
      'hits.js': `import { mutation, syscall } from './lib.js';
export const bump = mutation(async () => { const n = await syscall('1.0/count', { table: 'hits' }); await syscall('1.0/insert', { table: 'hits', value: { n } }); return n; });`,
    }),
  );
});
afterAll(async () => ctx.stop());

/** The value of one series in the Prometheus text `/metrics` serves (0 when absent). */
async function scrape(series: string): Promise<number> {
  const text = await (await fetch(`${ctx.url}/metrics`)).text();
  const line = text.split('\n').find((candidate) => candidate.startsWith(`${series} `));
  return line === undefined ? 0 : Number(line.slice(series.length + 1));
}

const bump = () =>
  fetch(`${ctx.url}/api/mutation`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ path: 'hits:bump', args: {} }) });

describe('GET /metrics', () => {
  test('observes the latency of every mutation commit', async () => {
    const before = await scrape('selfhost_database_commit_duration_seconds_count');
    for (let i = 0; i < 3; i += 1) expect((await bump()).status).toBe(200);
    expect(await scrape('selfhost_database_commit_duration_seconds_count')).toBe(before + 3);
    expect(await scrape('selfhost_database_commit_duration_seconds_bucket{le="+Inf"}')).toBe(before + 3);
    expect(await scrape('selfhost_database_commit_duration_seconds_sum')).toBeGreaterThan(0);
  });

  test('counts optimistic concurrency conflicts by table', async () => {
    // Concurrent bumps begin at one snapshot and each writes what the others read; rounds
    // repeat (bounded) in case one round happened to run its bumps one after another.
    for (let round = 0; round < 20 && (await scrape('selfhost_occ_conflicts_total{table="hits"}')) === 0; round += 1) {
      const responses = await Promise.all(Array.from({ length: 8 }, bump));
      for (const response of responses) expect([200, 503]).toContain(response.status);
    }
    expect(await scrape('selfhost_occ_conflicts_total{table="hits"}')).toBeGreaterThan(0);
  });

  test('gauges open HTTP requests and WebSockets', async () => {
    // The scrape itself is an HTTP request in flight.
    expect(await scrape('selfhost_open_connections{kind="http"}')).toBeGreaterThanOrEqual(1);
    expect(await scrape('selfhost_open_connections{kind="websocket"}')).toBe(0);
    const socket = new WebSocket(`${ctx.url.replace('http', 'ws')}/api/sync`);
    await once(socket, 'open');
    expect(await scrape('selfhost_open_connections{kind="websocket"}')).toBe(1);
    socket.close();
    await once(socket, 'close');
    // The server learns of the close on its own event loop turn: wait for it, without a clock.
    while ((await scrape('selfhost_open_connections{kind="websocket"}')) !== 0);
    expect(await scrape('selfhost_open_connections{kind="websocket"}')).toBe(0);
  });
});
