import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startTestBackend, type TestBackend } from '../src/test-support/start-test-backend.ts';
import { postJson, sampleAppModules, startPushBody, type PushModule } from './support/admin-http.ts';

// The deploy protocol refuses overlapping pushes (issue 6 "Deploy"): a start_push that arrives
// while another push is being started is refused, and finishing a push that a newer start_push
// superseded is refused too. Real backend, real sockets.

let ctx: TestBackend;
let modules: PushModule[];
beforeAll(async () => {
  ctx = await startTestBackend();
  modules = await sampleAppModules();
});
afterAll(async () => ctx.stop());

const startPush = (body: unknown = startPushBody(modules)) => postJson(`${ctx.url}/api/deploy2/start_push`, body, { adminKey: ctx.adminKey });
const finishPush = (startResponse: unknown) => postJson(`${ctx.url}/api/deploy2/finish_push`, { startPush: startResponse, dryRun: false }, { adminKey: ctx.adminKey });
const cloudUrl = () => postJson(`${ctx.url}/api/query`, { path: 'cli/convexUrl:cloudUrl', args: {}, format: 'json' }, { adminKey: null });

describe('concurrent pushes', () => {
  test('a second start_push while one is running is refused with 409 PushInProgress', async () => {
    // Both go out at once; the backend analyzes the first (tens of modules) while the second arrives.
    const answers = await Promise.all([startPush(), startPush()]);
    const statuses = answers.map((answer) => answer.status).sort();
    expect(statuses).toEqual([200, 409]);
    const refused = answers.find((answer) => answer.status === 409)!;
    expect(refused.json).toEqual({ code: 'PushInProgress', message: expect.stringContaining('start_push') as string });
    // The push that won is intact and finishes.
    const winner = answers.find((answer) => answer.status === 200)!;
    expect((await finishPush(winner.json)).status).toBe(200);
    expect((await cloudUrl()).json).toEqual({ status: 'success', value: ctx.url });
  });

  test('finish_push of a push that a newer start_push superseded is refused with 409 PushSuperseded', async () => {
    const first = await startPush();
    const second = await startPush();
    expect([first.status, second.status]).toEqual([200, 200]);
    const stale = await finishPush(first.json);
    expect(stale.status).toBe(409);
    expect(stale.json).toEqual({ code: 'PushSuperseded', message: expect.stringContaining('superseded') as string });
    // The newer push still finishes, and the backend keeps serving.
    expect((await finishPush(second.json)).status).toBe(200);
    // Finishing it twice is refused the same way: it is no longer pending.
    expect((await finishPush(second.json)).json).toMatchObject({ code: 'PushSuperseded' });
    expect((await cloudUrl()).json).toEqual({ status: 'success', value: ctx.url });
  });

  test('a dry-run start_push leaves a pending push finishable', async () => {
    const pending = await startPush();
    const dryRun = await startPush(startPushBody(modules, { dryRun: true }));
    expect([pending.status, dryRun.status]).toEqual([200, 200]);
    expect((await finishPush(pending.json)).status).toBe(200);
  });
});
