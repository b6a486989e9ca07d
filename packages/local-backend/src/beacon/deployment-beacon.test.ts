import { mkdtemp, readFile, rm } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { readConfig } from '../config/read-config.ts';
import { deploymentBeacon } from './deployment-beacon.ts';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function dataDir(): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'selfhost-beacon-'));
  cleanups.push(() => rm(dir, { recursive: true, force: true }));
  return dir;
}

/** A local HTTP server that collects the JSON bodies posted to it. */
async function beaconSink(): Promise<{ readonly bodies: Record<string, unknown>[]; readonly url: string }> {
  const bodies: Record<string, unknown>[] = [];
  const sink = http.createServer((req, res) => {
    let text = '';
    req.on('data', (chunk: Buffer) => (text += chunk.toString()));
    req.on('end', () => {
      bodies.push(JSON.parse(text) as Record<string, unknown>);
      res.end();
    });
  });
  await new Promise<void>((resolve) => sink.listen(0, '127.0.0.1', resolve));
  cleanups.push(() => new Promise((resolve) => sink.close(() => resolve())));
  return { bodies, url: `http://127.0.0.1:${(sink.address() as AddressInfo).port}/beacon` };
}

describe('deploymentBeacon', () => {
  test('is off with --disable-beacon or DISABLE_BEACON', async () => {
    const dir = await dataDir();
    expect(await deploymentBeacon({ config: readConfig(['--data-dir', dir, '--disable-beacon'], {}), transport: 'node', log: () => {} })).toBeNull();
    expect(await deploymentBeacon({ config: readConfig(['--data-dir', dir], { DISABLE_BEACON: 'true' }), transport: 'node', log: () => {} })).toBeNull();
  });

  test('posts a random id that stays the same across restarts, and nothing about the app', async () => {
    const { bodies, url } = await beaconSink();
    const dir = await dataDir();
    const env = { SELFHOST_BEACON_URL: url };
    for (let boot = 0; boot < 2; boot += 1) {
      const beacon = await deploymentBeacon({ config: readConfig(['--data-dir', dir], env), transport: 'node', log: () => {} });
      const running = beacon!.run();
      while (bodies.length <= boot) await new Promise((resolve) => setTimeout(resolve, 10));
      await beacon!.stop();
      await running;
    }
    const id = (await readFile(path.join(dir, 'beacon_id'), 'utf8')).trim();
    expect(bodies.map((body) => body['database_uuid'])).toEqual([id, id]);
    expect(Object.keys(bodies[0]!).sort()).toEqual(['beacon_fields', 'beacon_tag', 'commit_timestamp', 'compiled_revision', 'database_uuid', 'migration_version', 'uptime']);
    expect(bodies[0]).toMatchObject({ beacon_tag: 'selfhost', beacon_fields: { database: 'sqlite', transport: 'node' } });
    // The sources live in a git checkout here: the commit they come from.
    expect(bodies[0]?.['compiled_revision']).toMatch(/^[0-9a-f]{40}$/);
    expect(String(bodies[0]?.['commit_timestamp'])).toMatch(/^\d{4}-\d\d-\d\dT/);
  });

  test('an image without git history names its revision through SELFHOST_GIT_REVISION', async () => {
    const { bodies, url } = await beaconSink();
    const config = readConfig(['--data-dir', await dataDir()], { SELFHOST_BEACON_URL: url });
    const env = { SELFHOST_GIT_REVISION: 'abc123', SELFHOST_GIT_COMMIT_TIMESTAMP: '2026-11-26T00:00:00Z' };
    const beacon = await deploymentBeacon({ config, transport: 'node', log: () => {}, env });
    const running = beacon!.run();
    while (bodies.length === 0) await new Promise((resolve) => setTimeout(resolve, 10));
    await beacon!.stop();
    await running;
    expect(bodies[0]).toMatchObject({ compiled_revision: 'abc123', commit_timestamp: '2026-11-26T00:00:00Z' });
  });
});
