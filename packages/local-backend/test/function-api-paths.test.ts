import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { mintAdminKey } from '../src/keys/admin-key.ts';
import { startTestBackend, type TestBackend } from '../src/test-support/start-test-backend.ts';
import { answerOf, postJson, pushModules, sampleAppModules, type Answer } from './support/admin-http.ts';

// The function API of compat §2.1 over real sockets, with a real app pushed: one happy path per
// route, and the refusals a wrong admin key or a bad log cursor get.

let ctx: TestBackend;
beforeAll(async () => {
  ctx = await startTestBackend();
  await pushModules(ctx, await sampleAppModules());
});
afterAll(async () => ctx.stop());

const publicPost = (path: string, body: unknown) => postJson(`${ctx.url}${path}`, body, { adminKey: null });
const get = async (path: string, headers: Record<string, string> = {}) => answerOf(await fetch(`${ctx.url}${path}`, { headers }));
const tableSize = (tableName: string) => ({ path: 'cli/tableSize', args: { tableName }, format: 'json' });

describe('function API happy paths', () => {
  test('GET /api/query takes path and args from the query string', async () => {
    const args = encodeURIComponent(JSON.stringify({}));
    const answer = await get(`/api/query?path=cli/convexUrl:cloudUrl&args=${args}&format=json`);
    expect(answer.status).toBe(200);
    expect(answer.json).toEqual({ status: 'success', value: ctx.url });
  });

  test('POST /api/run/{path} runs the function the URL names', async () => {
    const answer = await publicPost('/api/run/cli/convexUrl/cloudUrl', { args: {} });
    expect(answer.status).toBe(200);
    expect(answer.json).toEqual({ status: 'success', value: ctx.url });
  });

  test('POST /api/query_batch answers every query, in order', async () => {
    const answer = await publicPost('/api/query_batch', {
      queries: [{ path: 'cli/convexUrl:cloudUrl', args: {}, format: 'json' }, tableSize('batch_table'), { path: 'nope:missing', args: {} }],
    });
    expect(answer.status).toBe(200);
    expect(answer.json).toEqual({
      results: [
        { status: 'success', value: ctx.url },
        { status: 'success', value: 0 },
        { status: 'error', errorMessage: expect.stringContaining("Could not find public function for 'nope:missing'") as string },
      ],
    });
  });

  test('POST /api/query_at_ts reads the snapshot at the timestamp, not the latest one', async () => {
    const before = await publicPost('/api/query_ts', {});
    const { ts } = before.json as { ts: string };
    const inserted = await publicPost('/api/mutation', { path: 'frontend/addDocument', args: { table: 'at_ts', documents: [{ n: 1 }] }, format: 'json' });
    expect(inserted.json).toEqual({ status: 'success', value: { success: true } });
    expect((await publicPost('/api/query_at_ts', { ...tableSize('at_ts'), ts })).json).toEqual({ status: 'success', value: 0 });
    expect((await publicPost('/api/query', tableSize('at_ts'))).json).toEqual({ status: 'success', value: 1 });
  });

  test('GET /instance_version answers the version, like /version', async () => {
    const version = await get('/version');
    const instanceVersion = await get('/instance_version');
    expect(instanceVersion.status).toBe(200);
    expect(instanceVersion.text).toBe(version.text);
    expect(instanceVersion.text).not.toBe('');
  });
});

describe('function API refusals', () => {
  test('GET /api/stream_function_logs with a bad or missing cursor: 400 BadQueryArgs', async () => {
    const admin = { authorization: `Convex ${ctx.adminKey}` };
    for (const query of ['?cursor=abc', '?cursor=-1', '?cursor=', '?cursor=NaN', '']) {
      const answer = await get(`/api/stream_function_logs${query}`, admin);
      expect(answer.status, query).toBe(400);
      expect(answer.json, query).toEqual({ code: 'BadQueryArgs', message: expect.stringContaining('cursor') as string });
    }
    expect((await get('/version')).status).toBe(200);
  });

  test('a wrong admin key in the Authorization header: 401 BadAdminKey on every function route', async () => {
    const otherSecret = 'ab'.repeat(32);
    const wrongKeys = {
      'another secret': mintAdminKey({ instanceName: 'convex-self-hosted', instanceSecret: otherSecret }),
      'another instance': mintAdminKey({ instanceName: 'someone-else', instanceSecret: otherSecret }),
      truncated: ctx.adminKey.slice(0, -8),
      'not hex': 'convex-self-hosted|not-a-key',
    };
    const call = { path: 'cli/convexUrl:cloudUrl', args: {} };
    const requests: [string, string, unknown][] = [
      ['POST', '/api/query', call],
      ['GET', `/api/query?path=cli/convexUrl:cloudUrl&args=${encodeURIComponent('{}')}`, undefined],
      ['POST', '/api/mutation', { path: 'frontend/addDocument', args: { table: 'never', documents: [{}] } }],
      ['POST', '/api/action', call],
      ['POST', '/api/function', call],
      ['POST', '/api/run/cli/convexUrl/cloudUrl', { args: {} }],
      ['POST', '/api/query_batch', { queries: [call] }],
      ['POST', '/api/query_batch', { queries: [] }],
      ['POST', '/api/query_at_ts', { ...call, ts: ((await publicPost('/api/query_ts', {})).json as { ts: string }).ts }],
    ];
    for (const [name, key] of Object.entries(wrongKeys)) {
      for (const [method, path, body] of requests) {
        const response = await fetch(`${ctx.url}${path}`, {
          method,
          headers: { authorization: `Convex ${key}`, 'content-type': 'application/json' },
          ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        });
        const answer: Answer = await answerOf(response);
        const where = `${name}: ${method} ${path} ${JSON.stringify(body)}`;
        expect(answer.status, where).toBe(401);
        expect(answer.json, where).toEqual({ code: 'BadAdminKey', message: expect.any(String) as string });
      }
    }
    // Nothing was written with a refused key, and the backend keeps serving.
    expect((await publicPost('/api/query', tableSize('never'))).json).toEqual({ status: 'success', value: 0 });
  });
});
