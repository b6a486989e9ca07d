import { once } from 'node:events';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import WebSocket from 'ws';
import { pushModules } from '../src/test-support/push-modules.ts';
import { rawModules } from '../src/test-support/raw-modules.ts';
import { startTestBackend, type TestBackend } from '../src/test-support/start-test-backend.ts';
import { startWriterSession, type WriterSession } from './support/writer-session.ts';

// Issue 7 "OCC conflicts retried (4 times) then reported". `readThenWrite` reads a counter that
// a writer session keeps writing: that session's mutations run back to back, each starting right
// after the previous commit, so every attempt of `readThenWrite` reads a document that a newer
// commit has already written and fails validation. Real backend, real sockets.

const counterModule = `import { mutation, syscall } from './lib.js';
export const create = mutation(async () => (await syscall('1.0/insert', { table: 'counters', value: { n: 0 } }))._id);
export const touch = mutation(async ({ id }) => { await syscall('1.0/shallowMerge', { id, value: { touched: true } }); return null; });
export const readThenWrite = mutation(async ({ id }) => {
  const { n } = await syscall('1.0/get', { id });
  await syscall('1.0/shallowMerge', { id, value: { n: n + 1 } });
  return n + 1;
});
`;

let ctx: TestBackend;
beforeAll(async () => {
  ctx = await startTestBackend();
  await pushModules(ctx, rawModules({ 'counter.js': counterModule }));
});
afterAll(async () => ctx.stop());

const syncUrl = () => `${ctx.url}/api/1.48.0/sync`;

async function mutation(path: string, args: unknown): Promise<{ status: number; body: unknown }> {
  const response = await fetch(`${ctx.url}/api/mutation`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ path, args }) });
  return { status: response.status, body: await response.json() };
}

async function conflictsOnCounters(): Promise<number> {
  const series = 'selfhost_occ_conflicts_total{table="counters"} ';
  const line = (await (await fetch(`${ctx.url}/metrics`)).text()).split('\n').find((candidate) => candidate.startsWith(series));
  return line === undefined ? 0 : Number(line.slice(series.length));
}

async function newCounter(): Promise<string> {
  const { body } = await mutation('counter:create', {});
  return (body as { value: string }).value;
}

/** Runs `work` while a writer session keeps touching the counter; checks every touch succeeded. */
async function whileTouched<TResult>(id: string, work: () => Promise<TResult>): Promise<TResult> {
  const writer: WriterSession = await startWriterSession(syncUrl(), { udfPath: 'counter:touch', args: { id } });
  const result = await work();
  const { sent, succeeded } = await writer.stop();
  expect(succeeded).toBe(sent);
  return result;
}

describe('a mutation that conflicts on every attempt', () => {
  test('over HTTP: retried 4 times, then OptimisticConcurrencyControlFailure', async () => {
    const id = await newCounter();
    const before = await conflictsOnCounters();
    const answer = await whileTouched(id, () => mutation('counter:readThenWrite', { id }));
    expect(answer).toEqual({
      status: 503,
      body: { code: 'OptimisticConcurrencyControlFailure', message: expect.stringMatching(/table "counters" changed while this transaction was being run.*retried 4 times\.$/) as string },
    });
    // The first attempt and its 4 retries each conflicted; the writer's own mutations never
    // conflict (one at a time, and the failing mutation never committed).
    expect(await conflictsOnCounters()).toBe(before + 5);
    // Nothing was left locked or broken: without the writer, the same mutation commits.
    expect(await mutation('counter:readThenWrite', { id })).toEqual({ status: 200, body: { status: 'success', value: 1 } });
  });

  test('over the sync WebSocket: the session closes with 1013 OptimisticConcurrencyControlFailure', async () => {
    const id = await newCounter();
    const before = await conflictsOnCounters();
    const ws = new WebSocket(syncUrl().replace(/^http/, 'ws'), { perMessageDeflate: false });
    const types: string[] = [];
    ws.on('message', (data: Buffer) => types.push((JSON.parse(data.toString()) as { type: string }).type));
    await once(ws, 'open');
    const closed = once(ws, 'close') as Promise<[number, Buffer]>;
    const [code, reason] = await whileTouched(id, () => {
      ws.send(JSON.stringify({ type: 'Connect', sessionId: crypto.randomUUID(), connectionCount: 0, lastCloseReason: 'InitialConnect', clientTs: Date.now() }));
      ws.send(JSON.stringify({ type: 'Mutation', requestId: 0, udfPath: 'counter:readThenWrite', args: [{ id }] }));
      return closed;
    });
    // A close the official client reconnects after (and then re-sends the mutation), not a FatalError.
    expect({ code, reason: reason.toString() }).toEqual({ code: 1013, reason: 'OptimisticConcurrencyControlFailure' });
    expect(types).not.toContain('MutationResponse');
    expect(types).not.toContain('FatalError');
    expect(await conflictsOnCounters()).toBeGreaterThanOrEqual(before + 5);
    expect(await mutation('counter:readThenWrite', { id })).toMatchObject({ status: 200, body: { status: 'success', value: 1 } });
  });
});
