// Issue 6 "System functions for the CLI": the built-in `_system/*` functions answer only an
// admin, over HTTP and over the WebSocket sync protocol, and never show up among the user's
// functions. Backend executable + the official CLI and clients, real sockets.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ConvexClient, ConvexHttpClient } from 'convex/browser';
import { makeFunctionReference } from 'convex/server';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startBackendProcess, type BackendProcess } from './support/backend-process.ts';
import { createCliProject, type CliProject } from './support/convex-cli.ts';
import { fixtureApi } from './support/fixture-api.ts';

const system = {
  tables: makeFunctionReference<'query', { paginationOpts: { numItems: number; cursor: string | null } }, { page: { name: string }[] }>('_system/cli/tables'),
  tableSize: makeFunctionReference<'query', { tableName: string }, number>('_system/cli/tableSize'),
  queryTable: makeFunctionReference<'query', { tableName: string }, number>('_system/cli/queryTable'),
  envGet: makeFunctionReference<'query', { name: string }, { name: string; value: string } | null>('_system/cli/queryEnvironmentVariables:get'),
  apiSpec: makeFunctionReference<'query', Record<string, never>, ({ identifier: string; functionType: string } | { functionType: 'HttpAction'; path: string })[]>('_system/cli/modules:apiSpec'),
  frontendModules: makeFunctionReference<'query', Record<string, never>, [string, unknown][]>('_system/frontend/modules:list'),
  addDocument: makeFunctionReference<'mutation', { table: string; documents: unknown[] }, unknown>('_system/frontend/addDocument'),
};
const firstPage = { paginationOpts: { numItems: 10, cursor: null } };
const notFound = (path: string) => new RegExp(`Could not find public function for '${path.replace('/', '\\/')}'`);

let dataDir: string;
let backend: BackendProcess;
let project: CliProject;
const wsClients: ConvexClient[] = [];

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'selfhost-system-fns-'));
  backend = await startBackendProcess({ dataDir });
  project = await createCliProject(backend);
  await project.ok(['deploy', '--yes', '--typecheck', 'disable']);
  await new ConvexHttpClient(backend.url).mutation(fixtureApi.send, { author: 'system-test', body: 'one message' });
}, 180_000);

afterAll(async () => {
  await Promise.all(wsClients.map((client) => client.close()));
  await backend?.stop('SIGKILL');
  await project?.remove();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

/** `setAdminAuth` exists on both official clients but is left out of their published types. */
function withAdminKey<TClient>(client: TClient): TClient {
  (client as unknown as { setAdminAuth(key: string): void }).setAdminAuth(backend.adminKey);
  return client;
}

function wsClient(): ConvexClient {
  const client = new ConvexClient(backend.url, { skipConvexDeploymentUrlCheck: true, logger: false });
  wsClients.push(client);
  return client;
}

async function postQuery(body: unknown, authorization?: string): Promise<unknown> {
  const response = await fetch(`${backend.url}/api/query`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(authorization === undefined ? {} : { authorization }) },
    body: JSON.stringify(body),
  });
  expect(response.status).toBe(200);
  return response.json();
}

describe('_system functions without the admin key', () => {
  test('over HTTP they answer like a missing function', async () => {
    const tables = await postQuery({ path: '_system/cli/tables', args: firstPage, format: 'json' });
    expect(tables).toMatchObject({ status: 'error', errorMessage: expect.stringMatching(notFound('_system/cli/tables:default')) as string });
    const get = await fetch(`${backend.url}/api/query?path=_system/cli/tableSize&args=${encodeURIComponent('{"tableName":"messages"}')}&format=json`);
    expect(await get.json()).toMatchObject({ status: 'error', errorMessage: expect.stringMatching(notFound('_system/cli/tableSize:default')) as string });
    const run = await fetch(`${backend.url}/api/run/_system/cli/tableSize/default`, { method: 'POST', body: JSON.stringify({ args: { tableName: 'messages' } }) });
    expect(await run.json()).toMatchObject({ status: 'error', errorMessage: expect.stringMatching(notFound('_system/cli/tableSize:default')) as string });

    const client = new ConvexHttpClient(backend.url);
    await expect(client.query(system.apiSpec, {})).rejects.toThrow(notFound('_system/cli/modules:apiSpec'));
    await expect(client.mutation(system.addDocument, { table: 'messages', documents: [{ author: 'x', body: 'y' }] })).rejects.toThrow(notFound('_system/frontend/addDocument:default'));
    // A user's bearer token is not an admin key either (no auth provider is configured here).
    const bearer = await fetch(`${backend.url}/api/query`, {
      method: 'POST',
      headers: { authorization: 'Bearer not.a.jwt', 'content-type': 'application/json' },
      body: JSON.stringify({ path: '_system/cli/tableSize', args: { tableName: 'messages' } }),
    });
    expect([bearer.status, await bearer.json()]).toMatchObject([401, { code: 'NoAuthProvider' }]);
    // Nothing was written.
    expect(await client.query(fixtureApi.list, {})).toHaveLength(1);
  });

  test('over the WebSocket sync protocol they answer like a missing function', async () => {
    const client = wsClient();
    await expect(client.query(system.tableSize, { tableName: 'messages' })).rejects.toThrow(notFound('_system/cli/tableSize:default'));
    await expect(client.query(system.tables, firstPage)).rejects.toThrow(notFound('_system/cli/tables:default'));
    await expect(client.mutation(system.addDocument, { table: 'messages', documents: [{ author: 'x', body: 'y' }] })).rejects.toThrow(notFound('_system/frontend/addDocument:default'));
    // The connection stays usable for the app's own functions.
    expect(await client.query(fixtureApi.ping, {})).toBe('pong');
  });
});

describe('_system functions with the admin key', () => {
  test('over HTTP: apiSpec, tables, tableSize, queryTable and queryEnvironmentVariables:get answer', async () => {
    const set = await fetch(`${backend.url}/api/update_environment_variables`, {
      method: 'POST',
      headers: { authorization: `Convex ${backend.adminKey}`, 'content-type': 'application/json' },
      body: JSON.stringify({ changes: [{ name: 'SYSTEM_TEST', value: 'on' }] }),
    });
    expect(set.status).toBe(200);
    const client = withAdminKey(new ConvexHttpClient(backend.url));
    expect((await client.query(system.tables, firstPage)).page).toContainEqual({ name: 'messages' });
    expect(await client.query(system.tableSize, { tableName: 'messages' })).toBe(1);
    expect(typeof (await client.query(system.queryTable, { tableName: 'messages' }))).toBe('number');
    expect(await client.query(system.envGet, { name: 'SYSTEM_TEST' })).toEqual({ name: 'SYSTEM_TEST', value: 'on' });
    expect(await client.query(system.envGet, { name: 'NOT_SET' })).toBeNull();
    expect(await client.query(system.apiSpec, {})).toContainEqual(expect.objectContaining({ identifier: 'messages.js:list', functionType: 'Query' }));
    // The raw Authorization header works the same way.
    expect(await postQuery({ path: '_system/cli/tableSize', args: { tableName: 'messages' }, format: 'json' }, `Convex ${backend.adminKey}`)).toEqual({ status: 'success', value: 1 });
  });

  test('over the WebSocket sync protocol', async () => {
    const client = withAdminKey(wsClient());
    expect(await client.query(system.tableSize, { tableName: 'messages' })).toBe(1);
    expect((await client.query(system.tables, firstPage)).page).toContainEqual({ name: 'messages' });
  });
});

describe('the user function list', () => {
  test('modules:apiSpec and frontend/modules:list show the app’s functions and routes, never _system ones', async () => {
    const client = withAdminKey(new ConvexHttpClient(backend.url));
    const spec = await client.query(system.apiSpec, {});
    const identifiers = spec.flatMap((entry) => ('identifier' in entry ? [entry.identifier] : []));
    expect(identifiers).toEqual(expect.arrayContaining(['messages.js:list', 'messages.js:count', 'actions.js:sendAndCount']));
    expect(identifiers.filter((identifier) => identifier.startsWith('_'))).toEqual([]);
    expect(spec).toContainEqual({ functionType: 'HttpAction', method: 'GET', path: '/files/*' });
    const modules = (await client.query(system.frontendModules, {})).map(([modulePath]) => modulePath);
    expect(modules).toEqual(expect.arrayContaining(['messages.js', 'actions.js', 'http.js']));
    expect(modules.filter((modulePath) => modulePath.startsWith('_'))).toEqual([]);
  });

  test('convex run of a missing function prints the available functions, without _system ones', async () => {
    const result = await project.run(['run', 'messages:nope']);
    expect(result.code).not.toBe(0);
    expect(result.output).toContain("Could not find function for 'messages:nope'");
    expect(result.output).toMatch(/Available functions:[\s\S]*messages:list[\s\S]*messages:send/);
    expect(result.output).toContain('actions:sendAndCount');
    expect(result.output).not.toContain('_system');
  });
});
