import { describe, expect, test } from 'vitest';
import { runCli } from '../run-cli.ts';
import { startFakeBackend } from '../test-support/fake-backend.ts';
import { createTestContext } from '../test-support/test-context.ts';
import { createTestProject } from '../test-support/test-project.ts';

const completion = {
  kind: 'Completion',
  udfType: 'Query',
  identifier: 'messages:list',
  componentPath: null,
  logLines: [
    {
      messages: ["'listing'", "'general'"],
      level: 'LOG',
      timestamp: 1_700_000_000_000,
      isTruncated: false,
      systemMetadata: null,
    },
  ],
  timestamp: 1_700_000_000,
  executionTime: 0.0123,
  error: null,
  success: null,
  cachedResult: false,
  requestId: 'r1',
  executionId: 'e1',
  caller: 'HttpApi',
  parentExecutionId: null,
  usageStats: {
    databaseReadBytes: 0,
    databaseWriteBytes: 0,
    databaseReadDocuments: 0,
    storageReadBytes: 0,
    storageWriteBytes: 0,
    vectorIndexReadBytes: 0,
    vectorIndexWriteBytes: 0,
    memoryUsedMb: 0,
  },
  returnBytes: null,
  occInfo: null,
  willRetry: false,
  executionTimestamp: 1_700_000_000,
  identityType: 'Admin',
  environment: 'isolate',
  userExecutionTime: null,
};

describe('selfhost logs', () => {
  test('long-polls stream_function_logs and prints `[CONVEX Q(path)] [LOG] …` lines until Ctrl-C', async () => {
    await using backend = await startFakeBackend();
    using project = createTestProject('convex-app');
    backend.logEntries = [
      completion,
      {
        ...completion,
        identifier: 'messages:send',
        udfType: 'Mutation',
        logLines: ["[WARN] 'careful'"],
        error: 'Uncaught Error: boom',
      },
    ];
    const controller = new AbortController();
    const { ctx, stdout, stderr } = createTestContext({
      cwd: project.dir,
      signal: controller.signal,
    });
    const running = runCli(
      ['logs', '--success', '--url', backend.url, '--admin-key', backend.adminKey],
      ctx,
    );
    await expect.poll(() => stdout(), { timeout: 5000 }).toContain('boom');
    controller.abort();
    expect(await running, stderr()).toBe(0);
    const lines = stdout().replace(/^.*? \[CONVEX/gm, '<time> [CONVEX');
    expect(lines).toMatchInlineSnapshot(`
      "<time> [CONVEX Q(messages:list)] [LOG] 'listing' 'general'
      <time> [CONVEX Q(messages:list)] Function executed in 13 ms
      <time> [CONVEX M(messages:send)] [WARN] 'careful'
      <time> [CONVEX M(messages:send)] Uncaught Error: boom
      "
    `);
    expect(backend.requests[0]?.path).toBe('/api/stream_function_logs?cursor=0');
    expect(backend.requests[1]?.path).toBe('/api/stream_function_logs?cursor=1');
  });
});
