import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { pushModules } from '../test-support/push-modules.ts';
import { rawModules } from '../test-support/raw-modules.ts';
import { startTestBackend, type TestBackend } from '../test-support/start-test-backend.ts';

let ctx: TestBackend;
beforeAll(async () => {
  ctx = await startTestBackend({ APPLICATION_MAX_CONCURRENT_V8_ACTIONS: '1' });
  // `hold` records that it started, then waits until the test releases it.
  await pushModules(
    ctx,
    rawModules({
      'gate.js': `import { action, mutation, query, syscall, sleep } from './lib.js';
export const enter = mutation((args) => syscall('1.0/insert', { table: 'entered', value: { who: args.who } }));
export const release = mutation(() => syscall('1.0/insert', { table: 'released', value: {} }));
export const entered = query(() => syscall('1.0/count', { table: 'entered' }));
export const released = query(() => syscall('1.0/count', { table: 'released' }));
export const hold = action(async (args) => {
  await syscall('1.0/actions/mutation', { name: 'gate:enter', args: { who: args.who } });
  while ((await syscall('1.0/actions/query', { name: 'gate:released', args: {} })) === 0) await sleep(5);
  return args.who;
});`,
    }),
  );
});
afterAll(async () => ctx.stop());

async function call(kind: 'query' | 'mutation' | 'action', path: string, args: Record<string, unknown> = {}): Promise<unknown> {
  const response = await fetch(`${ctx.url}/api/${kind}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ path, args }) });
  const body = (await response.json()) as { status: string; value?: unknown; errorMessage?: string };
  if (body.status !== 'success') throw new Error(`${path}: ${body.errorMessage}`);
  return body.value;
}

async function waitingActions(): Promise<number> {
  const text = await (await fetch(`${ctx.url}/metrics`)).text();
  const line = text.split('\n').find((candidate) => candidate.startsWith('selfhost_function_executions_waiting{udfType="Action"} '));
  return Number(line?.split(' ')[1] ?? 0);
}

describe('APPLICATION_MAX_CONCURRENT_V8_ACTIONS', () => {
  test('a second action waits in the queue until the running one finishes; other kinds keep running', async () => {
    const first = call('action', 'gate:hold', { who: 'first' });
    while ((await call('query', 'gate:entered')) === 0);
    const second = call('action', 'gate:hold', { who: 'second' });
    while ((await waitingActions()) === 0);
    // Queries and mutations have their own slots: they answer while the action slot is taken.
    expect(await call('query', 'gate:entered')).toBe(1);
    await call('mutation', 'gate:release');
    expect(await first).toBe('first');
    expect(await second).toBe('second');
    expect(await call('query', 'gate:entered')).toBe(2);
    expect(await waitingActions()).toBe(0);
  });
});
