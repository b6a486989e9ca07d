import { describe, expect, test } from 'vitest';
import { runCli } from '../run-cli.ts';
import { startFakeBackend } from '../test-support/fake-backend.ts';
import { createTestContext } from '../test-support/test-context.ts';
import { createTestProject } from '../test-support/test-project.ts';

describe('selfhost run', () => {
  test('runs through /api/function with admin auth, prints the value and log lines', async () => {
    await using backend = await startFakeBackend();
    using project = createTestProject('convex-app');
    backend.functionResults.set('messages:list', {
      status: 'success',
      value: [{ body: 'hi', n: { $integer: 'AQAAAAAAAAA=' } }],
      logLines: ["[LOG] 'listing'"],
    });
    const { ctx, stdout, stderr } = createTestContext({ cwd: project.dir });
    const code = await runCli(
      [
        'run',
        'api.messages.list',
        '{channel: "general"}',
        '--url',
        backend.url,
        '--admin-key',
        backend.adminKey,
      ],
      ctx,
    );
    expect(code, stderr()).toBe(0);
    expect(stdout()).toMatchInlineSnapshot(`
      "[
        {
          "body": "hi",
          "n": {
            "$integer": "AQAAAAAAAAA="
          }
        }
      ]
      "
    `);
    expect(stderr()).toMatchInlineSnapshot(`
      "[CONVEX ?(messages:list)] [LOG] 'listing'
      "
    `);
    const request = backend.requests.find((r) => r.path === '/api/function');
    expect(request?.body).toEqual({
      path: 'messages:list',
      format: 'convex_encoded_json',
      args: { channel: 'general' },
    });
    expect(request?.headers.authorization).toBe(`Convex ${backend.adminKey}`);
  });

  test('an unknown function lists the available ones', async () => {
    await using backend = await startFakeBackend();
    using project = createTestProject('convex-app');
    const { ctx, stderr } = createTestContext({ cwd: project.dir });
    const code = await runCli(
      ['run', 'messages:nope', '--url', backend.url, '--admin-key', backend.adminKey],
      ctx,
    );
    expect(code).toBe(1);
    expect(stderr()).toMatchInlineSnapshot(`
      "✖ Failed to run function "messages:nope":
      Error: Could not find function for 'messages:nope'. Did you forget to run \`npx convex dev\`?

      Available functions:
      • messages:list
      • dir/users:create
      "
    `);
  });

  test('arguments that are not an object are refused before calling', async () => {
    using project = createTestProject('convex-app');
    const { ctx, stderr } = createTestContext({ cwd: project.dir });
    expect(
      await runCli(
        ['run', 'messages:list', '[1]', '--url', 'http://127.0.0.1:1', '--admin-key', 'k'],
        ctx,
      ),
    ).toBe(1);
    expect(stderr()).toMatchInlineSnapshot(`
      "✖ The arguments must be an object, like '{ channel: "general" }', not [1].
      "
    `);
  });
});
