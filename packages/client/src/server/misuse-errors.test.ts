// Handlers are async without awaiting, as apps write them.
/* eslint-disable @typescript-eslint/require-await */
// Misuse errors name the mistake and say what to do instead (STYLE.md habit 25).
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import {
  defineTable,
  httpActionGeneric,
  httpRouter,
  makeFunctionReference,
  mutationGeneric,
  queryGeneric,
  type GenericMutationCtx,
  type GenericQueryCtx,
  type AnyDataModel,
} from '@selfhost/client/server';
import { v } from '@selfhost/client/values';
import { FakeConvexHost } from './test-support/fake-convex-host.ts';

let uninstall: () => void = () => undefined;

async function runQuery(
  handler: (ctx: GenericQueryCtx<AnyDataModel>) => Promise<unknown>,
): Promise<string> {
  return await queryGeneric(handler).invokeQuery('[{}]');
}

async function runMutation(
  handler: (ctx: GenericMutationCtx<AnyDataModel>) => Promise<unknown>,
): Promise<string> {
  return await mutationGeneric(handler).invokeMutation('[{}]');
}

describe('misuse errors', () => {
  beforeEach(() => {
    uninstall = new FakeConvexHost().install();
  });
  afterEach(() => {
    uninstall();
    vi.restoreAllMocks();
  });

  test('calling a registered function directly warns and says to use a helper', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const list = queryGeneric(async () => 'ran') as unknown as (
      ctx: unknown,
      args: unknown,
    ) => Promise<string>;
    await expect(list({}, {})).resolves.toBe('ran');
    expect(warn).toHaveBeenCalledOnce();
    expect(warn.mock.calls[0]?.[0]).toMatch(
      /should not call other Convex functions directly.*helper function/s,
    );
  });

  test('paginating the same query twice says to build a new query', async () => {
    await expect(
      runQuery(async (ctx) => {
        const messages = ctx.db.query('messages').order('asc');
        await messages.paginate({ numItems: 1, cursor: null });
        return await messages.paginate({ numItems: 1, cursor: null });
      }),
    ).rejects.toThrow(
      /already been extended or read.*build a new one with `ctx\.db\.query\(\.\.\.\)`/s,
    );
  });

  test('unique() with several results names the table, the ids and the fix', async () => {
    await expect(runQuery(async (ctx) => await ctx.db.query('messages').unique())).rejects
      .toThrowErrorMatchingInlineSnapshot(`
      [Error: unique() query returned more than one result from table messages:
       [messages|1, messages|2, ...]
      Use \`.first()\` to read the first match, or narrow the query, for example with an index on a unique field.]
    `);
  });

  test('reusing an index range builder says to chain the calls', async () => {
    await expect(
      runQuery(
        async (ctx) =>
          await ctx.db
            .query('messages')
            .withIndex('by_creation_time', (q) => {
              q.eq('_creationTime', 1);
              return q.eq('_creationTime', 2);
            })
            .collect(),
      ),
    ).rejects.toThrow(/Chain the calls in one expression/);
  });

  test('a withIndex callback that returns something else says what to return', async () => {
    await expect(
      runQuery(
        async (ctx) =>
          await ctx.db
            .query('m')
            .withIndex('by_id', () => ({}) as never)
            .collect(),
      ),
    ).rejects.toThrow(/must return the range builder it was given/);
  });

  test('reading a system table through ctx.db points to ctx.db.system', async () => {
    await expect(runQuery(async (ctx) => await ctx.db.query('_storage').collect())).rejects.toThrow(
      'System tables can only be accessed from db.system.query(): use `ctx.db.system.query("_storage")`.',
    );
  });

  test('inserting into a system table is refused', async () => {
    await expect(runMutation(async (ctx) => await ctx.db.insert('_storage', {}))).rejects.toThrow(
      /System tables .* are read-only/,
    );
  });

  test('too many filters says to combine them with q.and', async () => {
    await expect(
      runQuery(async (ctx) => {
        let query = ctx.db.query('messages').fullTableScan();
        for (let i = 0; i < 257; i++) query = query.filter((q) => q.eq(q.field('n'), i));
        return await query.collect();
      }),
    ).rejects.toThrow(/at most 256 operators: combine filters with `q\.and\(\.\.\.\)`/);
  });

  test('take() with a bad count names the argument', async () => {
    await expect(runQuery(async (ctx) => await ctx.db.query('messages').take(1.5))).rejects.toThrow(
      'Arg 1 `n` to `take` must be a non-negative integer',
    );
  });

  test('a missing db.get argument names it', async () => {
    await expect(runQuery(async (ctx) => await ctx.db.get(undefined as never))).rejects.toThrow(
      'Must provide arg 1 `id` to `get`',
    );
  });

  test('returning an unread query says how to read it', async () => {
    await expect(runQuery(async (ctx) => ctx.db.query('messages'))).rejects.toThrow(
      /Return value is a Query.*\.collect\(\)/,
    );
  });

  test('server code outside a backend says what to use instead', async () => {
    uninstall();
    await expect(runQuery(async (ctx) => await ctx.db.get('x' as never))).rejects.toThrow(
      /used outside of a Convex backend.*`useQuery` or `useMutation`/,
    );
  });

  test('scheduling with a negative delay says to use 0', async () => {
    await expect(
      runMutation(
        async (ctx) =>
          await ctx.scheduler.runAfter(-5, makeFunctionReference<'mutation'>('jobs:run'), {}),
      ),
    ).rejects.toThrow(/non-negative: use 0/);
  });
});

describe('router and schema misuse', () => {
  const handler = httpActionGeneric(async () => new Response('ok'));

  test.each([
    [{ path: 'hook', method: 'GET' }, "path 'hook' does not start with a /: write it as '/hook'."],
    [
      { pathPrefix: '/files', method: 'GET' },
      "pathPrefix /files must end with a /: write it as '/files/'.",
    ],
    [
      { path: '/.files/x', method: 'GET' },
      "path '/.files/x' is reserved: paths under /.files belong to the platform.",
    ],
    [
      { path: '/x', method: 'HEAD' },
      "'HEAD' is not an allowed HTTP method: use one of GET, POST, PUT, DELETE, OPTIONS, PATCH.",
    ],
    [
      { path: '/x', pathPrefix: '/x/', method: 'GET' },
      "Invalid httpRouter route: it cannot contain both 'path' and 'pathPrefix', give only one.",
    ],
  ])('route %o is rejected', (spec, message) => {
    expect(() => httpRouter().route({ ...spec, handler } as never)).toThrow(message);
  });

  test('a duplicate route says each route is defined once', () => {
    const http = httpRouter();
    http.route({ path: '/x', method: 'GET', handler });
    expect(() => http.route({ path: '/x', method: 'GET', handler })).toThrow(
      /already in use: each route may be defined once/,
    );
  });

  test('staging twice says to merge the changes', () => {
    const table = defineTable({ a: v.string() }).staged({ b: v.optional(v.string()) });
    expect(() => table.staged({ c: v.optional(v.string()) })).toThrow(
      /only one staged validator: merge the changes/,
    );
  });
});
