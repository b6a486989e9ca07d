import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { pushModules } from '../test-support/push-modules.ts';
import { rawModules } from '../test-support/raw-modules.ts';
import { startTestBackend, type TestBackend } from '../test-support/start-test-backend.ts';

// A "use node" module is self-contained (the CLI bundles its imports into it).
const nodeModule = `
const action = (handler) => {
  const fn = (...a) => handler(...a);
  fn.isAction = true;
  fn.isPublic = true;
  fn.exportArgs = () => '{"type":"any"}';
  fn.exportReturns = () => 'null';
  fn.invokeAction = async (_requestId, argsJson) => JSON.stringify(await handler(JSON.parse(argsJson)[0]));
  return fn;
};
export const where = action(async () => 'node ' + process.versions.node.split('.')[0]);
export const slow = action(() => new Promise((resolve) => setTimeout(() => resolve('late'), 60_000)));
`;

let ctx: TestBackend;
beforeAll(async () => {
  ctx = await startTestBackend({ NODE_ACTION_USER_TIMEOUT_SECS: '1' });
  await pushModules(ctx, rawModules({ 'nodeActions.js': nodeModule }, { node: ['nodeActions.js'] }));
});
afterAll(async () => ctx.stop());

async function action(path: string): Promise<{ status: string; value?: unknown; errorMessage?: string }> {
  const response = await fetch(`${ctx.url}/api/action`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ path, args: {} }) });
  return (await response.json()) as { status: string; value?: unknown; errorMessage?: string };
}

describe('NODE_ACTION_USER_TIMEOUT_SECS', () => {
  test('"use node" actions run in Node.js and stop at their own time limit', async () => {
    expect(await action('nodeActions:where')).toMatchObject({ status: 'success', value: `node ${process.versions.node.split('.')[0]}` });
    expect(await action('nodeActions:slow')).toMatchObject({ status: 'error', errorMessage: expect.stringMatching(/Function execution timed out \(maximum duration: 1s\)$/) });
    // The timed-out worker was killed: the next action gets a fresh one.
    expect(await action('nodeActions:where')).toMatchObject({ status: 'success' });
  });
});
