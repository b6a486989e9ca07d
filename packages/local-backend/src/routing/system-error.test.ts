import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startTestBackend, type TestBackend } from '../test-support/start-test-backend.ts';

let ctx: TestBackend;
beforeAll(async () => {
  ctx = await startTestBackend();
});
afterAll(async () => ctx.stop());

const post = (route: string, body: unknown) =>
  fetch(`${ctx.url}${route}`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Convex ${ctx.adminKey}` }, body: JSON.stringify(body) });

describe('system failures', () => {
  test('with the database gone, function calls answer 500 with a {code, message} body and no internals', async () => {
    // A real fault under a running backend: its database closes (as after a storage failure).
    await ctx.backend.db.close();
    for (const [route, path] of [
      ['/api/query', '_system/cli/convexUrl:cloudUrl'],
      ['/api/mutation', '_system/frontend/addDocument'],
    ] as const) {
      const response = await post(route, { path, args: {}, format: 'json' });
      expect(response.status).toBe(500);
      expect(response.headers.get('content-type')).toContain('application/json');
      const body = (await response.json()) as Record<string, unknown>;
      expect(Object.keys(body).sort()).toEqual(['code', 'message']);
      expect(body).toEqual({ code: 'InternalServerError', message: expect.any(String) });
      expect(body['message']).not.toMatch(/\bat \S+:\d+/);
    }
    expect(ctx.logs.some((line) => line.startsWith('error: POST /api/query'))).toBe(true);
    // Routes that do not need the database still answer.
    expect((await fetch(`${ctx.url}/version`)).status).toBe(200);
  });
});
