import { mkdtemp, readFile, rm } from 'node:fs/promises';
import http from 'node:http';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ConvexHttpClient } from 'convex/browser';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { startBackendProcess, type BackendProcess } from './backend-process.ts';
import { createCliProject, type CliProject } from './convex-cli.ts';
import { databaseTarget, type DatabaseTarget } from './database-targets.ts';
import { badExportModule, extraModule, fixtureApi, strictSchema, throwingModule } from './fixture-api.ts';

const deployArgs = ['deploy', '--yes', '--typecheck', 'disable'];

/**
 * The acceptance suite of issue 6, for one database: the official `convex` CLI and
 * `ConvexHttpClient` against the real backend executable, with one deployed backend shared by
 * every test (they run in order). Call it inside a `describe` of a test file.
 *
 * @example
 * describe.skipIf(!(await databaseAvailable('postgres')))('on PostgreSQL', () => defineAcceptanceSuite('postgres'));
 */
export function defineAcceptanceSuite(database: DatabaseTarget['name']): void {
  let target: DatabaseTarget;
  let dataDir: string;
  let backend: BackendProcess;
  let project: CliProject;
  /** A second copy of the app that the failing and unfinished pushes edit. */
  let changed: CliProject;
  let client: ConvexHttpClient;
  let deployOutput: string;
  const env = (t: DatabaseTarget) => ({ ...t.env, DATABASE_UDF_USER_TIMEOUT_SECONDS: '30' });

  beforeAll(async () => {
    target = databaseTarget(database);
    dataDir = await mkdtemp(path.join(tmpdir(), `selfhost-accept-${database}-`));
    backend = await startBackendProcess({ dataDir, env: env(target) });
    project = await createCliProject(backend);
    changed = await createCliProject(backend);
    deployOutput = (await project.ok(deployArgs)).output;
    client = new ConvexHttpClient(backend.url);
  }, 180_000);

  afterAll(async () => {
    await backend?.stop('SIGKILL');
    await project?.remove();
    await changed?.remove();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
    await target?.drop();
  }, 60_000);

  const configHashes = async () => {
    const response = await fetch(`${backend.url}/api/get_config_hashes`, {
      method: 'POST',
      headers: { authorization: `Convex ${backend.adminKey}`, 'content-type': 'application/json' },
      body: JSON.stringify({ version: '1.48.0' }),
    });
    expect(response.status).toBe(200);
    return ((await response.json()) as { moduleHashes: unknown[] }).moduleHashes;
  };
  const expectOldCodeServes = async () => {
    expect(await client.query(fixtureApi.ping, {})).toBe('pong');
    await expect(client.query(fixtureApi.extraHello, {})).rejects.toThrow(/Could not find public function for 'extra:hello'/);
  };

  test('convex deploy --yes pushes the schema, its indexes and the functions', async () => {
    expect(deployOutput).toContain('messages.by_author');
    expect(deployOutput).toContain('Deployed Convex functions');
    expect(await client.query(fixtureApi.ping, {})).toBe('pong');
  });

  test('convex dev --once pushes and saves the deployment URL in .env.local', async () => {
    const result = await project.ok(['dev', '--once', '--typecheck', 'disable']);
    expect(result.output).toContain('Convex functions ready');
    expect(await readFile(path.join(project.dir, '.env.local'), 'utf8')).toMatch(/CONVEX_URL=http/);
  });

  test('convex codegen writes the typed API and data model', async () => {
    await project.ok(['codegen', '--typecheck', 'disable']);
    const api = await readFile(path.join(project.dir, 'convex', '_generated', 'api.d.ts'), 'utf8');
    expect(api).toContain('typeof messages');
    expect(api).toContain('typeof actions');
    const dataModel = await readFile(path.join(project.dir, 'convex', '_generated', 'dataModel.d.ts'), 'utf8');
    expect(dataModel).toContain('schema');
  });

  test('ConvexHttpClient calls a query, a mutation and an action', async () => {
    // Asked twice (the second answer may come from the query cache), then written to: the
    // next answer must show the write.
    expect(await client.query(fixtureApi.list, { author: 'http-client' })).toEqual([]);
    expect(await client.query(fixtureApi.list, { author: 'http-client' })).toEqual([]);
    const id = await client.mutation(fixtureApi.send, { author: 'http-client', body: 'hello' });
    expect(id).toMatch(/^[a-z0-9]{31,37}$/);
    expect(await client.query(fixtureApi.list, { author: 'http-client' })).toMatchObject([{ author: 'http-client', body: 'hello', _id: id }]);
    const count = await client.action(fixtureApi.sendAndCount, { author: 'http-client', body: 'from an action' });
    expect(await client.query(fixtureApi.list, { author: 'http-client' })).toHaveLength(2);
    expect(count).toBeGreaterThanOrEqual(2);
    await expect(client.query(fixtureApi.count, {})).rejects.toThrow(/Could not find public function for 'messages:count'/);
    await expect(client.mutation(fixtureApi.send, { author: 5 as unknown as string, body: 'x' })).rejects.toThrow(/ArgumentValidationError/);
  });

  test('convex run calls a mutation, an internal query and an action', async () => {
    const sent = await project.ok(['run', 'messages:send', JSON.stringify({ author: 'cli', body: 'from convex run' })]);
    expect(sent.stdout.trim()).toMatch(/^"[a-z0-9]+"$/);
    const before = Number((await project.ok(['run', 'messages:count'])).stdout.trim());
    expect(before).toBeGreaterThanOrEqual(3);
    const after = await project.ok(['run', 'actions:sendAndCount', JSON.stringify({ author: 'cli', body: 'via action' })]);
    expect(Number(after.stdout.trim())).toBe(before + 1);
    const missing = await project.run(['run', 'messages:nope']);
    expect(missing.code).not.toBe(0);
  });

  test('convex env set, list and remove; functions see the values', async () => {
    await project.ok(['env', 'set', 'GREETING', 'hello world']);
    expect((await project.ok(['env', 'list'])).stdout).toContain('GREETING=hello world');
    expect((await project.ok(['run', 'actions:readEnv', '{"name":"GREETING"}'])).stdout.trim()).toBe('"hello world"');
    await project.ok(['env', 'remove', 'GREETING']);
    expect((await project.ok(['env', 'list'])).stdout).not.toContain('GREETING');
    // The CLI prints nothing for a null result.
    expect((await project.ok(['run', 'actions:readEnv', '{"name":"GREETING"}'])).stdout.trim()).toMatch(/^(null)?$/);
  });

  test('convex logs shows a log line this test caused', async () => {
    const logs = project.spawn(['logs']);
    try {
      const marker = `log-marker-${Date.now()}`;
      // The CLI skips what was logged before its first poll: log until it shows up (bounded).
      const deadline = Date.now() + 45_000;
      while (!logs.output().includes(marker)) {
        if (Date.now() > deadline || logs.child.exitCode !== null) throw new Error(`convex logs never showed ${marker}:\n${logs.output()}`);
        await client.mutation(fixtureApi.send, { author: 'logs', body: marker });
        await new Promise((resolve) => setTimeout(resolve, 500));
      }
      expect(logs.output()).toMatch(new RegExp(`messages:send.*send from logs: ${marker}`));
    } finally {
      logs.child.kill('SIGKILL');
    }
  });

  test('convex data lists the tables and their documents', async () => {
    expect((await project.ok(['data'])).stdout).toMatch(/messages/);
    expect((await project.ok(['data', 'messages'])).stdout).toContain('from convex run');
  });

  test('HTTP actions answer on the site port and under /http on the API port', async () => {
    const hello = await fetch(`${backend.siteUrl}/hello`);
    expect(hello.status).toBe(200);
    expect(await hello.text()).toBe('hello from /hello');
    const count = await fetch(`${backend.siteUrl}/count`, { method: 'POST', body: '' });
    expect(await count.json()).toEqual({ count: expect.any(Number) as number });
    const viaApi = await fetch(`${backend.url}/http/hello`);
    expect(await viaApi.text()).toBe('hello from /http/hello');
    expect((await fetch(`${backend.siteUrl}/no-such-route`)).status).toBe(404);
  });

  test('HTTP actions route by exact path, path prefix (longest wins) and method, with no automatic CORS', async () => {
    for (const base of [backend.siteUrl, `${backend.url}/http`]) {
      const file = await fetch(`${base}/files/a/b.txt`);
      expect([file.status, await file.text()], base).toEqual([200, 'file a/b.txt']);
      expect(await (await fetch(`${base}/files/special/x`)).text(), base).toBe('special file');
      // `/files` without the slash is not under the prefix.
      expect((await fetch(`${base}/files`)).status, base).toBe(404);
      // Method mismatch: the router finds no route.
      const wrongMethod = await fetch(`${base}/hello`, { method: 'POST', body: 'x' });
      expect([wrongMethod.status, await wrongMethod.text()], base).toEqual([404, 'No matching routes found']);
      expect((await fetch(`${base}/count`)).status, base).toBe(404);
      expect((await fetch(`${base}/files/a`, { method: 'DELETE' })).status, base).toBe(404);
      // No CORS header unless the app sets one, even for a browser origin or a preflight.
      const origin = { origin: 'https://app.example.com' };
      const hello = await fetch(`${base}/hello`, { headers: origin });
      expect(hello.headers.get('access-control-allow-origin'), base).toBeNull();
      const preflight = await fetch(`${base}/hello`, { method: 'OPTIONS', headers: { ...origin, 'access-control-request-method': 'GET' } });
      expect(preflight.status, base).toBe(404);
      expect(preflight.headers.get('access-control-allow-origin'), base).toBeNull();
      const withCors = await fetch(`${base}/cors`, { headers: origin });
      expect(withCors.headers.get('access-control-allow-origin'), base).toBe('https://app.example.com');
      expect(withCors.headers.get('access-control-allow-credentials'), base).toBeNull();
    }
  });

  test('a push whose schema existing documents break is refused, naming the cause; the old code keeps serving', async () => {
    const schema = await readFile(path.join(changed.dir, 'convex', 'schema.ts'), 'utf8');
    await changed.writeModule('schema.ts', strictSchema(schema));
    await changed.writeModule('extra.ts', extraModule);
    try {
      const result = await changed.run(deployArgs);
      expect(result.code).not.toBe(0);
      expect(result.output).toMatch(/Schema validation failed/);
      expect(result.output).toMatch(/"messages"[\s\S]*likes/);
      // The message names the offending document, one of those written without `likes`.
      const named = /document ([a-z0-9]{31,37})\b/i.exec(result.output)?.[1];
      const ids = (await client.query(fixtureApi.list, {})).map((message) => message._id);
      expect(ids, result.output).toContain(named);
      await expectOldCodeServes();
      // The old schema still rules: documents without `likes` may still be written.
      await client.mutation(fixtureApi.send, { author: 'after-refusal', body: 'still no likes' });
    } finally {
      await changed.writeModule('schema.ts', schema);
      await changed.writeModule('extra.ts', null);
    }
  });

  test('a push with a module that throws at import is refused with the error', async () => {
    await changed.writeModule('broken.ts', throwingModule);
    try {
      const result = await changed.run(deployArgs);
      expect(result.code).not.toBe(0);
      expect(result.output).toContain('broken.js');
      expect(result.output).toContain('boom at import');
      const dev = await changed.run(['dev', '--once', '--typecheck', 'disable']);
      expect(dev.code).not.toBe(0);
      expect(dev.output).toContain('boom at import');
      await expectOldCodeServes();
    } finally {
      await changed.writeModule('broken.ts', null);
    }
  });

  test('a push with a bad export is refused, naming the module and export', async () => {
    await changed.writeModule('badexport.ts', badExportModule);
    try {
      const result = await changed.run(deployArgs);
      expect(result.code).not.toBe(0);
      expect(result.output).toContain('badexport');
      expect(result.output).toContain('weird');
      await expectOldCodeServes();
    } finally {
      await changed.writeModule('badexport.ts', null);
    }
  });

  test('a dry run changes nothing', async () => {
    const before = await configHashes();
    await changed.writeModule('extra.ts', extraModule);
    try {
      const result = await changed.ok([...deployArgs, '--dry-run']);
      expect(result.output).toContain('Would have deployed');
      // The deployment reports the `convex` version the code was pushed with: no spurious diff.
      expect(result.output).not.toContain("Change the server's function version");
      expect(await configHashes()).toEqual(before);
      await expectOldCodeServes();
    } finally {
      await changed.writeModule('extra.ts', null);
    }
  });

  test('an unfinished push (convex codegen runs start_push only) changes nothing', async () => {
    const before = await configHashes();
    const schema = await readFile(path.join(changed.dir, 'convex', 'schema.ts'), 'utf8');
    await changed.writeModule('schema.ts', strictSchema(schema));
    await changed.writeModule('extra.ts', extraModule);
    try {
      await changed.ok(['codegen', '--typecheck', 'disable']);
      expect(await configHashes()).toEqual(before);
      await expectOldCodeServes();
      // The pending schema is not enforced: only a finished push changes the rules.
      await client.mutation(fixtureApi.send, { author: 'after-codegen', body: 'no likes either' });
    } finally {
      await changed.writeModule('schema.ts', schema);
      await changed.writeModule('extra.ts', null);
    }
    // The next push supersedes the unfinished one.
    await project.ok(deployArgs);
    expect(await client.query(fixtureApi.ping, {})).toBe('pong');
  });

  test('SIGTERM stops accepting, lets in-flight mutations finish, and every acknowledged one is durable', async () => {
    const apiPort = Number(new URL(backend.url).port);
    const stamp = Date.now();
    // A mutation whose request is still arriving when the signal comes: it must be answered.
    const streamed = startStreamedMutation(apiPort, { path: 'messages:slowRecord', args: { name: `streamed-${stamp}`, spin: 1 }, format: 'json' });
    await streamed.headersSent;
    // CPU-bound mutations racing the signal: each is either acknowledged and durable, or not acknowledged.
    const names = [0, 1, 2].map((i) => `racing-${i}-${stamp}`);
    const racing = names.map((name) =>
      client.mutation(fixtureApi.slowRecord, { name, spin: 20_000_000 }, { skipQueue: true }).then(
        (value) => ({ name, acknowledged: value === name }),
        (error: unknown) => ({ name, acknowledged: false, error: String(error) }),
      ),
    );
    await new Promise((resolve) => setTimeout(resolve, 200));
    const exited = backend.stop('SIGTERM');
    // New connections are refused while the streamed mutation is still in flight.
    let refused = false;
    for (const deadline = Date.now() + 10_000; !refused && Date.now() < deadline; ) {
      refused = !(await connects(apiPort));
      if (!refused) await new Promise((resolve) => setTimeout(resolve, 10));
    }
    expect(refused, 'the API port still accepts connections after SIGTERM').toBe(true);
    expect(backend.child.exitCode, 'the backend exited instead of finishing the request in flight').toBeNull();
    const answer = await streamed.finish();
    expect(answer).toEqual({ status: 200, body: { status: 'success', value: `streamed-${stamp}` } });
    const results = await Promise.all(racing);
    expect(await exited).toBe(0);
    expect(backend.output()).toMatch(/SIGTERM[\s\S]*stopped/);

    // Restart on the same data: every acknowledged mutation is there exactly once.
    backend = await startBackendProcess({ dataDir, env: env(target) });
    client = new ConvexHttpClient(backend.url);
    expect(await client.query(fixtureApi.recorded, { name: `streamed-${stamp}` })).toBe(1);
    for (const result of results) {
      const count = await client.query(fixtureApi.recorded, { name: result.name });
      if (result.acknowledged) expect(count, JSON.stringify(result)).toBe(1);
      else expect(count, JSON.stringify(result)).toBeLessThanOrEqual(1);
    }
    // The deployed code survived the restart too.
    expect(await client.query(fixtureApi.ping, {})).toBe('pong');
  });

  test('SIGINT stops the backend cleanly', async () => {
    expect(await backend.stop('SIGINT')).toBe(0);
    expect(backend.output()).toMatch(/SIGINT[\s\S]*stopped/);
  });
}

/**
 * Starts `POST /api/mutation` and sends its headers and the first bytes of its body; `finish()`
 * sends the rest and resolves with the answer.
 */
function startStreamedMutation(port: number, body: unknown): { headersSent: Promise<void>; finish(): Promise<{ status: number; body: unknown }> } {
  const text = JSON.stringify(body);
  const request = http.request({ host: '127.0.0.1', port, method: 'POST', path: '/api/mutation', agent: false, headers: { 'content-type': 'application/json' } });
  const response = new Promise<{ status: number; body: unknown }>((resolve, reject) => {
    request.once('error', reject);
    request.once('response', (incoming) => {
      let received = '';
      incoming.setEncoding('utf8');
      incoming.on('data', (chunk: string) => (received += chunk));
      incoming.once('end', () => resolve({ status: incoming.statusCode ?? 0, body: JSON.parse(received) as unknown }));
    });
  });
  request.flushHeaders();
  request.write(text.slice(0, 10));
  // Give the server time to receive the headers and start the route.
  const headersSent = new Promise<void>((resolve) => request.once('socket', (socket) => socket.once('connect', () => setTimeout(resolve, 200))));
  return {
    headersSent,
    finish: () => {
      request.end(text.slice(10));
      return response;
    },
  };
}

/** Whether a new TCP connection to the port is accepted. */
function connects(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}
