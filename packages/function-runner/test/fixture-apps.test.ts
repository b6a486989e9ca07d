import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { NodeProcessExecutor } from '../src/node-executor/node-process-executor.ts';
import { formatLogLine } from '../src/logs/log-line.ts';
import { FIXTURE_ENV, officialAppModules, selfhostAppModules } from './support/official-app.ts';
import { errorOf, TestBackend, valueOf } from './support/test-backend.ts';

type Message = { _id: string; _creationTime: number; channel: string; body: string; author?: string; likes?: number };

// The same app twice: written against the official `convex/server` and against
// `@selfhost/client/server` (test/fixtures/app-selfhost, the same files with other import
// specifiers). Both are bundled the way the official CLI bundles and must behave the same.
const APPS = [
  ['official convex', officialAppModules],
  ['@selfhost/client', selfhostAppModules],
] as const;

describe.each(APPS)('fixture app on %s', (_name, modules) => {
  let backend: TestBackend;
  let server: ReturnType<typeof createServer>;
  let serverUrl: string;

  beforeAll(async () => {
    server = createServer((request, response) => {
      response.setHeader('content-type', 'text/plain');
      response.end(`hello ${String(request.headers['x-from'])}`);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    serverUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    backend = await TestBackend.start({
      modules: await modules(),
      environmentVariables: FIXTURE_ENV,
      runner: { nodeExecutor: new NodeProcessExecutor({ maxWorkers: 2 }) },
    });
  });

  afterAll(async () => {
    await backend[Symbol.asyncDispose]();
    await new Promise((resolve) => server.close(resolve));
  });

  describe('queries and mutations on the real database', () => {
    test('inserts, reads by index, filters, orders and paginates', async () => {
      const first = valueOf(await backend.mutation('messages:send', { channel: 'general', body: 'hello' })) as string;
      const second = valueOf(await backend.mutation('messages:send', { channel: 'general', body: 'world', author: 'ada' })) as string;
      await backend.mutation('messages:send', { channel: 'random', body: 'elsewhere' });
      expect(first).toMatch(/^[0-9a-z]{31,37}$/);

      const listed = valueOf(await backend.query('messages:list', { channel: 'general' })) as Message[];
      expect(listed.map((m) => [m.body, m.author ?? null, m._id])).toEqual([
        ['hello', null, first],
        ['world', 'ada', second],
      ]);
      expect(listed[0]!._creationTime).toBeLessThan(listed[1]!._creationTime);

      expect(valueOf(await backend.mutation('messages:like', { id: second }))).toBe(1);
      expect(valueOf(await backend.mutation('messages:like', { id: second }))).toBe(2);
      const popular = valueOf(await backend.query('messages:popular', { channel: 'general', minLikes: 1 })) as Message[];
      expect(popular.map((m) => m.body)).toEqual(['world']);

      const page = valueOf(await backend.query('messages:page', { paginationOpts: { numItems: 2, cursor: null } })) as {
        page: Message[];
        isDone: boolean;
        continueCursor: string;
      };
      expect(page.page.map((m) => m.body)).toEqual(['hello', 'world']);
      expect(page.isDone).toBe(false);
      const rest = valueOf(await backend.query('messages:page', { paginationOpts: { numItems: 2, cursor: page.continueCursor } })) as typeof page;
      expect(rest.page.map((m) => m.body)).toEqual(['elsewhere']);
      expect(rest.isDone).toBe(true);
    });

    test('patches, replaces and deletes', async () => {
      const id = valueOf(await backend.mutation('messages:send', { channel: 'edits', body: 'draft', author: 'bo' })) as string;
      await backend.mutation('messages:edit', { id, body: 'final' });
      expect(valueOf(await backend.query('messages:get', { id }))).toMatchObject({ _id: id, channel: 'edits', body: 'final' });
      expect(valueOf(await backend.query('messages:get', { id }))).not.toHaveProperty('author');
      await backend.mutation('messages:remove', { id });
      expect(valueOf(await backend.query('messages:get', { id }))).toBeNull();
      const error = errorOf(await backend.mutation('messages:remove', { id }));
      expect(error.split('\n')[0]).toBe(`Uncaught Error: Delete on nonexistent document ID ${id}`);
      expect(error).toContain('at async handler (../convex/messages.ts:');
    });

    test('a failing mutation commits nothing; a nested query sees its own transaction', async () => {
      const before = valueOf(await backend.query('messages:count', {}, { visibility: 'internal' })) as number;
      const nested = valueOf(await backend.mutation('messages:sendAndCount', { channel: 'n', body: 'x' }));
      expect(nested).toBe(before + 1);
      const gone = valueOf(await backend.mutation('messages:send', { channel: 'n', body: 'y' })) as string;
      await backend.mutation('messages:remove', { id: gone });
      const failed = await backend.mutation('messages:like', { id: gone });
      expect(failed.outcome).toMatchObject({ status: 'error', errorData: JSON.stringify({ code: 'NOT_FOUND', id: gone }) });
      expect(valueOf(await backend.query('messages:count', {}, { visibility: 'internal' }))).toBe(before + 1);
    });

    test('checks visibility, function type and arguments before running', async () => {
      expect(errorOf(await backend.query('messages:count', {}))).toBe(
        "Could not find public function for 'messages:count'. Did you forget to run `npx convex dev` or `npx convex deploy`?",
      );
      expect(errorOf(await backend.query('messages:send', { channel: 'a', body: 'b' }))).toBe(
        'Trying to execute messages:send as Query, but it is defined as Mutation.',
      );
      expect(errorOf(await backend.query('messages:list', { channel: 1 }))).toMatchInlineSnapshot(`
        "ArgumentValidationError: Value does not match validator.
        Path: .channel
        Value: 1.0
        Validator: v.string()"
      `);
      expect(errorOf(await backend.query('messages:get', { id: 'not-an-id' }))).toContain('ArgumentValidationError');
      expect(errorOf(await backend.query('messages:list', {}))).toMatchInlineSnapshot(`
        "ArgumentValidationError: Object is missing the required field \`channel\`. Consider wrapping the field validator in \`v.optional(...)\` if this is expected.

        Object: {}
        Validator: v.object({channel: v.string()})"
      `);
    });

    test('captures console output as log lines', async () => {
      const result = await backend.query('basics:logs');
      expect(result.logLines.map(formatLogLine)).toMatchInlineSnapshot(`
        [
          "[LOG] 'hi'",
          "[INFO] 'info' 1 {
          a: [ 1, 2 ]
        }",
          "[WARN] 'careful'",
          "[ERROR] [Error: shown]",
        ]
      `);
      expect(result.logLines[0]).toMatchObject({ level: 'LOG', messages: ["'hi'"], isTruncated: false, systemMetadata: null });
    });

    test('reports identity and metadata', async () => {
      expect(valueOf(await backend.query('basics:identity'))).toBeNull();
      const user = { tokenIdentifier: 'https://issuer.example.com|u1', subject: 'u1', issuer: 'https://issuer.example.com' };
      expect(valueOf(await backend.query('basics:identity', {}, { identity: { kind: 'actingUser', user } }))).toEqual(user);
      expect(valueOf(await backend.query('basics:metadata'))).toEqual({ name: 'basics:metadata', componentPath: '', type: 'query', visibility: 'public' });
    });
  });

  describe('actions', () => {
    test('call queries, mutations and actions through the caller', async () => {
      const result = await backend.action('actions:sendAndList', { channel: 'from-action', body: 'hi' });
      expect(valueOf(result)).toMatchObject({ count: 1 });
      expect(result.logLines.map(formatLogLine)).toEqual(["[LOG] 'sending' 'hi'", "[LOG] 'listed' 1"]);
      expect(valueOf(await backend.action('actions:callAction'))).toBe('echo:x');
    });

    test('receive ConvexError data from a failing nested mutation', async () => {
      const id = valueOf(await backend.mutation('messages:send', { channel: 'x', body: 'x' })) as string;
      await backend.mutation('messages:remove', { id });
      expect(valueOf(await backend.action('actions:nestedConvexError', { id }))).toEqual({ name: 'ConvexError', data: { code: 'NOT_FOUND', id } });
    });

    test('use timers, fetch through the host, and crypto.subtle', async () => {
      expect(valueOf(await backend.action('actions:sleep', { ms: 25 }))).toBe(true);
      expect(valueOf(await backend.action('actions:fetchText', { url: `${serverUrl}/x` }))).toEqual({ status: 200, text: 'hello action' });
      expect(valueOf(await backend.action('actions:digest', { text: 'hi' }))).toBe('8f434346648f6b96df89dda901c5176b10a6d83961dd3c1ac88b59b2dc327aa4');
    });

    test('run "use node" actions in a separate process that can call back', async () => {
      const result = await backend.action('nodeActions:hash', { text: 'hi' });
      expect(valueOf(result)).toMatchObject({ hash: '8f434346648f6b96df89dda901c5176b10a6d83961dd3c1ac88b59b2dc327aa4', isNode: true });
      expect(result.logLines.map(formatLogLine)).toEqual(["[LOG] 'hashing in node' 'hi'"]);
    });

    test('a crashing "use node" action fails alone and the next one runs', async () => {
      expect(errorOf(await backend.action('nodeActions:crash'))).toBe(
        'Uncaught Error: The Node.js process running this action exited unexpectedly (exit code 3)',
      );
      expect(valueOf(await backend.action('nodeActions:hash', { text: 'again' }))).toMatchObject({ isNode: true });
    });
  });

  describe('HTTP actions', () => {
    const request = (method: string, path: string, body: string | null = null, headers: [string, string][] = []) => ({
      request: { method, url: `http://127.0.0.1:3211${path}`, path, headers, body: body === null ? null : Buffer.from(body) },
      actionHost: backend.actionHost,
    });

    test('route exact and prefix paths with bodies and headers', async () => {
      const echo = await backend.deployment.runHttpAction(request('POST', '/echo', 'payload', [['x-test', 'yes']]));
      expect(echo.response.status).toBe(201);
      expect(echo.response.headers).toEqual([
        ['content-type', 'application/json'],
        ['x-reply', 'yes'],
      ]);
      expect(JSON.parse(Buffer.from(echo.response.body!).toString())).toEqual({ body: 'payload', method: 'POST', header: 'yes' });
      const file = await backend.deployment.runHttpAction(request('GET', '/files/a/b.txt'));
      expect([file.route, Buffer.from(file.response.body!).toString()]).toEqual(['/files/*', 'file /files/a/b.txt']);
      const head = await backend.deployment.runHttpAction(request('HEAD', '/files/x'));
      expect(head.route).toBe('/files/*');
    });

    test('run queries from an HTTP action', async () => {
      await backend.mutation('messages:send', { channel: 'a', body: 'over http' });
      const result = await backend.deployment.runHttpAction(request('GET', '/messages'));
      expect((JSON.parse(Buffer.from(result.response.body!).toString()) as Message[]).map((m) => m.body)).toContain('over http');
    });

    test('answer 404 without a route and 500 when the handler throws', async () => {
      const missing = await backend.deployment.runHttpAction(request('GET', '/nope'));
      expect([missing.response.status, Buffer.from(missing.response.body!).toString()]).toEqual([404, 'No matching routes found']);
      const boom = await backend.deployment.runHttpAction(request('GET', '/boom'));
      expect(boom.response.status).toBe(500);
      const body = JSON.parse(Buffer.from(boom.response.body!).toString()) as { code: string; trace: string };
      expect(body.code).toBe(`[Request ID: ${boom.requestId}] Server Error: Uncaught Error: http boom`);
      expect(body.trace).toContain('../convex/http.ts:');
    });
  });
});
