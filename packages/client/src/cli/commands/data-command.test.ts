import { describe, expect, test } from 'vitest';
import { runCli } from '../run-cli.ts';
import { startFakeBackend } from '../test-support/fake-backend.ts';
import { createTestContext } from '../test-support/test-context.ts';
import { createTestProject } from '../test-support/test-project.ts';

describe('selfhost data', () => {
  test('lists the tables, then the documents of one', async () => {
    await using backend = await startFakeBackend();
    using project = createTestProject('convex-app');
    const flags = ['--url', backend.url, '--admin-key', backend.adminKey];
    const tables = createTestContext({ cwd: project.dir });
    expect(await runCli(['data', ...flags], tables.ctx)).toBe(0);
    expect(tables.stdout()).toBe('messages\nusers\n');
    const documents = createTestContext({ cwd: project.dir });
    expect(await runCli(['data', 'messages', ...flags], documents.ctx)).toBe(0);
    expect(documents.stdout()).toMatchInlineSnapshot(`
      "_id  | _creationTime | body    | n  | tags 
      -----|---------------|---------|----|------
      "k1" | 1700000000000 | "hi"    | 1n | ["a"]
      "k2" | 1700000000001 | "there" |    |      
      "
    `);
    const jsonl = createTestContext({ cwd: project.dir });
    expect(
      await runCli(['data', 'messages', '--format', 'jsonl', '--limit', '1', ...flags], jsonl.ctx),
    ).toBe(0);
    expect(jsonl.stdout()).toBe(
      '{ "_id": "k1", "_creationTime": 1700000000000, "body": "hi", "n": 1n, "tags": ["a"] }\n',
    );
    const request = backend.requests.findLast((r) => r.path === '/api/query');
    expect(request?.body).toMatchObject({
      path: '_system/cli/tableData',
      args: [{ table: 'messages', order: 'desc', paginationOpts: { cursor: null, numItems: 2 } }],
    });
  });
});
