// Test fixture: handlers over an untyped data model read `any` documents, and many handlers are
// async without awaiting, to mirror how apps write them.
/* eslint-disable @typescript-eslint/no-unsafe-return, @typescript-eslint/require-await */
// The function definitions of the wire-equivalence test, written once against a "library" (ours
// or the official convex/server + convex/values) so both produce the same functions. Each case
// says how the host invokes it.
import type * as Server from '@selfhost/client/server';

/** The parts of a server library the corpus uses. */
export type ServerLibrary = Pick<
  typeof Server,
  | 'queryGeneric'
  | 'internalQueryGeneric'
  | 'mutationGeneric'
  | 'internalMutationGeneric'
  | 'actionGeneric'
  | 'internalActionGeneric'
  | 'httpActionGeneric'
  | 'httpRouter'
  | 'anyApi'
  | 'makeFunctionReference'
  | 'createFunctionHandle'
  | 'getServiceToken'
  | 'log'
  | 'v'
  | 'ConvexError'
>;

type QueryRef = Server.FunctionReference<'query'>;
type MutationRef = Server.FunctionReference<'mutation'>;

/** The function references the corpus calls (the host answers any name). */
interface CorpusApi {
  readonly messages: {
    readonly list: QueryRef;
    readonly count: QueryRef;
    readonly send: MutationRef;
  };
  readonly jobs: { readonly run: MutationRef };
  readonly nested: { readonly fails: QueryRef; readonly failsToo: MutationRef };
}

/** A loosely typed index range builder: the corpus uses indexes of an untyped data model. */
interface LooseRange {
  eq(field: string, value: unknown): LooseRange;
  gt(field: string, value: unknown): LooseRange;
  gte(field: string, value: unknown): LooseRange;
  lt(field: string, value: unknown): LooseRange;
  lte(field: string, value: unknown): LooseRange;
}
const range = (build: (r: LooseRange) => LooseRange) => build as never;

/** How the host runs one case. */
export type CorpusCase =
  | { readonly kind: 'query' | 'mutation'; readonly fn: unknown; readonly args: string }
  | {
      readonly kind: 'action';
      readonly fn: unknown;
      readonly args: string;
      readonly requestId: string;
    }
  | {
      readonly kind: 'http';
      readonly router: unknown;
      readonly request: string;
      readonly route: string;
    };

const NO_ARGS = '[{}]';
const ID = (id: string) => `[${JSON.stringify({ id })}]`;

/** Every case, by name. `lib` supplies the builders; the definitions are the same for both. */
export function functionCorpus(lib: ServerLibrary): Record<string, CorpusCase> {
  const {
    queryGeneric: query,
    mutationGeneric: mutation,
    actionGeneric: action,
    v,
    ConvexError,
  } = lib;
  const api = lib.anyApi as unknown as CorpusApi;
  const q = (fn: unknown, args = NO_ARGS): CorpusCase => ({ kind: 'query', fn, args });
  const m = (fn: unknown, args = NO_ARGS): CorpusCase => ({ kind: 'mutation', fn, args });
  const a = (fn: unknown, args = NO_ARGS): CorpusCase => ({
    kind: 'action',
    fn,
    args,
    requestId: 'req-7',
  });

  const http = lib.httpRouter();
  http.route({
    path: '/echo',
    method: 'POST',
    handler: lib.httpActionGeneric(async (ctx, request) => {
      const identity = await ctx.auth.getUserIdentity();
      const result: unknown = await ctx.runQuery(api.messages.list, { from: await request.text() });
      return new Response(JSON.stringify({ identity, result }), {
        status: 201,
        headers: { 'x-test': '1' },
      });
    }),
  });
  http.route({
    pathPrefix: '/files/',
    method: 'GET',
    handler: lib.httpActionGeneric(async (ctx) => {
      await ctx.scheduler.runAfter(0, api.jobs.run, {});
      return new Response('file');
    }),
  });

  return {
    // --- db.get ---------------------------------------------------------------------------------
    getById: q(
      query({ args: { id: v.string() }, handler: (ctx, { id }) => ctx.db.get(id as never) }),
      ID('messages|1'),
    ),
    getWithTable: q(
      query(async (ctx, { id }: { id: string }) => await ctx.db.get('messages', id as never)),
      ID('messages|2'),
    ),
    getMissing: q(
      query(async (ctx) => await ctx.db.get('messages', 'messages|99' as never)),
      NO_ARGS,
    ),
    getSystem: q(query(async (ctx) => await ctx.db.system.get('_storage', '_storage|1' as never))),
    getNotAString: q(query(async (ctx) => await ctx.db.get(42 as never))),
    getTableScoped: q(
      query(async (ctx) => {
        const db = ctx.db as unknown as {
          table(name: string): { get(id: string): Promise<unknown> };
        };
        return await db.table('messages').get('messages|3');
      }),
    ),

    // --- query shapes -----------------------------------------------------------------------------
    collectAll: q(query(async (ctx) => await ctx.db.query('messages').collect())),
    orderDesc: q(query(async (ctx) => await ctx.db.query('messages').order('desc').collect())),
    take2: q(query(async (ctx) => await ctx.db.query('messages').take(2))),
    take0: q(query(async (ctx) => await ctx.db.query('messages').take(0))),
    takeNegative: q(query(async (ctx) => await ctx.db.query('messages').take(-1))),
    first: q(query(async (ctx) => await ctx.db.query('messages').first())),
    firstEmpty: q(query(async (ctx) => await ctx.db.query('empty').first())),
    uniqueOne: q(query(async (ctx) => await ctx.db.query('users').unique())),
    uniqueMany: q(query(async (ctx) => await ctx.db.query('messages').unique())),
    fullTableScanOrder: q(
      query(async (ctx) => await ctx.db.query('messages').fullTableScan().order('asc').take(1)),
    ),
    withIndexAll: q(
      query(async (ctx) => await ctx.db.query('messages').withIndex('by_channel').collect()),
    ),
    withIndexEq: q(
      query(
        async (ctx) =>
          await ctx.db
            .query('messages')
            .withIndex(
              'by_channel',
              range((r) => r.eq('channel', 'general')),
            )
            .collect(),
      ),
    ),
    withIndexRange: q(
      query(
        async (ctx) =>
          await ctx.db
            .query('messages')
            .withIndex(
              'by_channel_likes',
              range((r) => r.eq('channel', 'general').gt('likes', 1).lt('likes', 10n)),
            )
            .order('desc')
            .take(5),
      ),
    ),
    withIndexInclusive: q(
      query(
        async (ctx) =>
          await ctx.db
            .query('messages')
            .withIndex(
              'by_likes',
              range((r) => r.gte('likes', 0).lte('likes', 3)),
            )
            .first(),
      ),
    ),
    withIndexUndefined: q(
      query(
        async (ctx) =>
          await ctx.db
            .query('messages')
            .withIndex(
              'by_channel',
              range((r) => r.eq('channel', undefined)),
            )
            .collect(),
      ),
    ),
    withIndexSpecialValues: q(
      query(
        async (ctx) =>
          await ctx.db
            .query('messages')
            .withIndex(
              'by_x',
              range((r) =>
                r
                  .eq('a', Number.NaN)
                  .eq('b', -0)
                  .eq('c', new Uint8Array([1, 2, 255]).buffer)
                  .gt('d', null),
              ),
            )
            .collect(),
      ),
    ),
    withIndexCreationTime: q(
      query(
        async (ctx) =>
          await ctx.db
            .query('messages')
            .withIndex(
              'by_creation_time',
              range((r) => r.gt('_creationTime', 1500)),
            )
            .collect(),
      ),
    ),
    filterEveryOperator: q(
      query(
        async (ctx) =>
          await ctx.db
            .query('messages')
            .filter((f) =>
              f.and(
                f.eq(f.field('channel'), 'general'),
                f.neq(f.field('body'), null),
                f.lt(f.field('likes'), 10),
                f.lte(f.field('likes'), 9.5),
                f.gt(f.add(f.field('likes'), 1), f.sub(2, 1)),
                f.gte(f.mul(f.field('likes'), 2), f.div(f.field('likes'), 4)),
                f.eq(f.mod(f.field('likes'), 2), f.neg(-1)),
                f.or(f.not(f.eq(f.field('author.name'), undefined)), true),
              ),
            )
            .collect(),
      ),
    ),
    filterLiterals: q(
      query(
        async (ctx) =>
          await ctx.db
            .query('messages')
            .filter((f) =>
              f.or(
                f.eq(f.field('n'), 12345678901234n),
                f.eq(f.field('bytes'), new Uint8Array([0, 1]).buffer),
                f.eq(f.field('arr'), [1, 'two', { three: 3n }]),
                f.eq(f.field('obj'), { z: 1, a: [null, false] }),
                f.eq(f.field('f'), Number.POSITIVE_INFINITY),
              ),
            )
            .take(1),
      ),
    ),
    filterChained: q(
      query(
        async (ctx) =>
          await ctx.db
            .query('messages')
            .withIndex(
              'by_channel',
              range((r) => r.eq('channel', 'general')),
            )
            .filter((f) => f.gt(f.field('likes'), 1))
            .filter(() => true)
            .order('asc')
            .first(),
      ),
    ),
    searchIndex: q(
      query(
        async (ctx) =>
          await ctx.db
            .query('messages')
            .withSearchIndex('search_body', (s) =>
              s.search('body', 'hello wor').eq('channel', 'general').eq('author', undefined),
            )
            .take(10),
      ),
    ),
    searchThenFilter: q(
      query(
        async (ctx) =>
          await ctx.db
            .query('messages')
            .withSearchIndex('search_body', (s) => s.search('body', 'hi'))
            .filter((f) => f.eq(f.field('likes'), 0))
            .collect(),
      ),
    ),
    searchOrder: q(
      query(async (ctx) => {
        const search = ctx.db
          .query('messages')
          .withSearchIndex('search_body', (s) => s.search('body', 'x')) as unknown as {
          order(o: string): unknown;
        };
        return search.order('desc') as null;
      }),
    ),
    orderTwice: q(
      query(
        async (ctx) =>
          await (
            ctx.db.query('messages').order('asc') as unknown as {
              order(o: string): { collect(): Promise<null> };
            }
          )
            .order('desc')
            .collect(),
      ),
    ),
    paginateFirst: q(
      query(async (ctx) => await ctx.db.query('messages').paginate({ numItems: 2, cursor: null })),
    ),
    paginateOptions: q(
      query(
        async (ctx) =>
          await ctx.db
            .query('messages')
            .withIndex(
              'by_channel',
              range((r) => r.eq('channel', 'general')),
            )
            .order('desc')
            .paginate({
              numItems: 1,
              cursor: '1',
              endCursor: '3',
              maximumRowsRead: 100,
              maximumBytesRead: 4096,
            }),
      ),
    ),
    paginateFromArgs: q(
      query({
        args: {
          paginationOpts: v.object({ numItems: v.number(), cursor: v.union(v.string(), v.null()) }),
        },
        handler: async (ctx, { paginationOpts }) =>
          await ctx.db.query('messages').paginate(paginationOpts),
      }),
      '[{"paginationOpts":{"numItems":5,"cursor":"2"}}]',
    ),
    paginateTwice: q(
      query(async (ctx) => {
        const messages = ctx.db.query('messages').order('asc');
        await messages.paginate({ numItems: 1, cursor: null });
        return await messages.paginate({ numItems: 1, cursor: null });
      }),
    ),
    paginateBadNumItems: q(
      query(async (ctx) => await ctx.db.query('messages').paginate({ numItems: -1, cursor: null })),
    ),
    iterateBreak: q(
      query(async (ctx) => {
        const bodies: unknown[] = [];
        for await (const message of ctx.db.query('messages')) {
          bodies.push((message as Record<string, unknown>)['body']);
          if (bodies.length === 2) break;
        }
        return bodies;
      }),
    ),
    iterateManualNext: q(
      query(async (ctx) => {
        const iterator = ctx.db
          .query('messages')
          .order('desc') as unknown as AsyncIterator<unknown>;
        const one = await iterator.next();
        const two = await iterator.next();
        return [one, two, await iterator.return?.()] as never;
      }),
    ),
    readAfterChain: q(
      query(async (ctx) => {
        const base = ctx.db.query('messages').order('asc');
        base.filter((f) => f.eq(f.field('likes'), 3));
        return await base.collect();
      }),
    ),
    count: q(
      query(
        async (ctx) =>
          await (ctx.db.query('messages') as unknown as { count(): Promise<number> }).count(),
      ),
    ),
    returnQuery: q(query(async (ctx) => ctx.db.query('messages') as unknown as null)),
    normalizeId: q(
      query(async (ctx) => [
        ctx.db.normalizeId('messages', 'messages|2'),
        ctx.db.normalizeId('messages', 'users|1'),
        ctx.db.system.normalizeId('_storage', '_storage|1'),
      ]),
    ),
    normalizeIdSystemThroughUserReader: q(
      query(async (ctx) => ctx.db.normalizeId('_storage' as never, '_storage|1')),
    ),
    systemQuery: q(
      query(async (ctx) => await ctx.db.system.query('_scheduled_functions').collect()),
    ),
    systemTableThroughUserReader: q(
      query(async (ctx) => await ctx.db.query('_storage' as never).collect()),
    ),
    userTableThroughSystemReader: q(
      query(async (ctx) => await ctx.db.system.query('messages' as never).collect()),
    ),

    // --- other ctx services in queries ----------------------------------------------------------------
    identity: q(query(async (ctx) => await ctx.auth.getUserIdentity())),
    storageRead: q(
      query(async (ctx) => [
        await ctx.storage.getUrl('_storage|1' as never),
        await ctx.storage.getMetadata('_storage|1' as never),
      ]),
    ),
    meta: q(
      query(async (ctx) => {
        const meta = ctx.meta;
        return [
          await meta.getFunctionMetadata(),
          meta.getSnapshotTs(),
          await meta.getTransactionMetrics(),
          await meta.getDeploymentMetadata(),
        ] as never;
      }),
    ),
    runQueryFromQuery: q(
      query(
        async (ctx) =>
          await ctx.runQuery(
            api.messages.count,
            { channel: 'general' },
            { transactionLimits: { documentsRead: 5 } },
          ),
      ),
    ),
    staleSnapshotInQuery: q(
      query(
        async (ctx) =>
          await ctx.runQuery(api.messages.count, {}, { useStaleSnapshot: true } as never),
      ),
    ),
    nestedConvexError: q(query(async (ctx) => await ctx.runQuery(api.nested.fails, {}))),
    nestedConvexErrorCaught: q(
      query(async (ctx) => {
        try {
          return await ctx.runQuery(api.nested.fails, {});
        } catch (error) {
          return {
            caught: (error as { data: unknown }).data,
            isConvex: error instanceof ConvexError,
          } as never;
        }
      }),
    ),
    nestedPlainError: q(
      query(
        async (ctx) => await ctx.runQuery(lib.makeFunctionReference<'query'>('nested:crashes'), {}),
      ),
    ),

    // --- arguments and results --------------------------------------------------------------------
    returnUndefined: q(query(async () => undefined)),
    returnVoidSync: q(query(() => {})),
    returnValues: q(
      query(async () => ({
        big: 1n << 40n,
        neg: -5n,
        nan: Number.NaN,
        negZero: -0,
        inf: -Infinity,
        bytes: new Uint8Array([9]).buffer,
        nested: [{ b: 2, a: 1 }],
      })),
    ),
    echoArgs: q(
      query({
        args: { n: v.int64(), b: v.bytes(), f: v.float64() },
        handler: async (_ctx, args) => args,
      }),
      '[{"n":{"$integer":"AQAAAAAAAAA="},"b":{"$bytes":"AAEC"},"f":{"$float":"AAAAAAAA+H8="}}]',
    ),
    noArgsArray: q(
      query(async (_ctx, ...rest: unknown[]) => rest.length),
      '[]',
    ),
    returnUnsupported: q(query(async () => new Date(0) as never)),
    convexErrorObject: q(
      query(async () => {
        throw new ConvexError({ code: 'NOT_FOUND', n: 3n });
      }),
    ),
    convexErrorString: q(
      query(async () => {
        throw new ConvexError('plain message');
      }),
    ),
    plainError: q(
      query(async () => {
        throw new TypeError('boom');
      }),
    ),
    syncThrow: q(
      query(() => {
        throw new Error('sync boom');
      }),
    ),

    // --- mutations ----------------------------------------------------------------------------------
    insert: m(
      mutation(
        async (ctx) => await ctx.db.insert('messages', { channel: 'x', body: 'new', n: 7n }),
      ),
    ),
    insertSystem: m(mutation(async (ctx) => await ctx.db.insert('_storage' as never, {}))),
    insertCommitTs: m(
      mutation(async (ctx) => await ctx.db.insert('events', { at: ctx.db.vars.commitTs })),
    ),
    patchTwoArgs: m(
      mutation(
        async (ctx) =>
          await ctx.db.patch('messages|1' as never, { body: 'edited', likes: undefined }),
      ),
    ),
    patchThreeArgs: m(
      mutation(
        async (ctx) =>
          await ctx.db.patch('messages', 'messages|2' as never, { nested: { a: undefined, b: 1 } }),
      ),
    ),
    patchMissing: m(
      mutation(async (ctx) => await ctx.db.patch('messages|404' as never, { body: 'x' })),
    ),
    replaceTwoArgs: m(
      mutation(async (ctx) => await ctx.db.replace('messages|1' as never, { body: 'replaced' })),
    ),
    replaceThreeArgs: m(
      mutation(
        async (ctx) =>
          await ctx.db.replace('messages', 'messages|3' as never, {
            body: 'r3',
            _id: 'messages|3' as never,
          }),
      ),
    ),
    deleteOneArg: m(mutation(async (ctx) => await ctx.db.delete('messages|1' as never))),
    deleteTwoArgs: m(
      mutation(async (ctx) => await ctx.db.delete('messages', 'messages|2' as never)),
    ),
    deleteMissing: m(
      mutation(async (ctx) => await ctx.db.delete('messages', 'messages|404' as never)),
    ),
    writeThenRead: m(
      mutation(async (ctx) => {
        const id = await ctx.db.insert('messages', { channel: 'general', body: 'fresh' });
        await ctx.db.patch('messages', id, { body: 'fresher' });
        return [
          await ctx.db.get('messages', id),
          await ctx.db.query('messages').order('desc').first(),
        ];
      }),
    ),
    tableWriter: m(
      mutation(async (ctx) => {
        const db = ctx.db as unknown as {
          table(name: string): {
            insert(value: object): Promise<string>;
            patch(id: string, value: object): Promise<void>;
            replace(id: string, value: object): Promise<void>;
            delete(id: string): Promise<void>;
            query(): { collect(): Promise<unknown> };
          };
        };
        const messages = db.table('messages');
        const id = await messages.insert({ body: 't' });
        await messages.patch(id, { body: 'u' });
        await messages.replace(id, { body: 'w' });
        await messages.delete(id);
        return await messages.query().collect();
      }),
    ),
    schedule: m(
      mutation(async (ctx) => [
        await ctx.scheduler.runAfter(1500, api.jobs.run, { n: 1n }),
        await ctx.scheduler.runAt(new Date(Date.UTC(2030, 0, 1)), api.jobs.run, {}),
        await ctx.scheduler.runAt(
          1_900_000_000_123,
          lib.makeFunctionReference<'mutation'>('jobs:other'),
        ),
        (await ctx.scheduler.cancel('_scheduled_functions|1' as never)) ?? 'cancelled',
      ]),
    ),
    scheduleNegativeDelay: m(
      mutation(async (ctx) => await ctx.scheduler.runAfter(-1, api.jobs.run, {})),
    ),
    scheduleBadArgs: m(
      mutation(async (ctx) => await ctx.scheduler.runAfter(0, api.jobs.run, [1] as never)),
    ),
    scheduleHandle: m(
      mutation(async (ctx) => await ctx.scheduler.runAfter(0, 'function://abc' as never, {})),
    ),
    runFromMutation: m(
      mutation(async (ctx) => [
        await ctx.runQuery(api.messages.count, { c: 1 }),
        await ctx.runQuery(api.messages.count, {}, { useStaleSnapshot: true }),
        await ctx.runMutation(
          api.messages.send,
          { body: 'b' },
          { transactionLimits: { documentsWritten: 2 } },
        ),
        await ctx.runMutation(api.messages.send),
      ]),
    ),
    storageWrite: m(
      mutation(async (ctx) => {
        const url = await ctx.storage.generateUploadUrl();
        await ctx.storage.delete('_storage|1' as never);
        const stored = await ctx.storage.store(new Blob(['hi there'], { type: 'text/plain' }), {
          sha256: 'abc',
        });
        const blob = await ctx.storage.get('_storage|1' as never);
        return [url, stored, (await blob?.text()) ?? null, blob?.type ?? null];
      }),
    ),
    storeNotABlob: m(mutation(async (ctx) => await ctx.storage.store('text' as never))),
    signJwt: m(
      mutation(async (ctx) => {
        const auth = ctx.auth as unknown as { signJwt(options: object): Promise<string> };
        return await auth.signJwt({ claims: { role: 'admin' }, expiresInSeconds: 60 });
      }),
    ),
    mutationMeta: m(
      mutation(async (ctx) => [
        await ctx.meta.getRequestMetadata(),
        await ctx.meta.getFunctionMetadata(),
      ]),
    ),
    auditLog: m(
      mutation(async () => {
        await lib.log.audit({
          action: 'export',
          who: lib.log.vars.convexActor,
          at: lib.log.vars.now,
          nested: [{ ip: lib.log.vars.ip }],
        });
        return null;
      }),
    ),
    internalMutation: m(
      lib.internalMutationGeneric({
        args: { x: v.number() },
        handler: async (ctx, { x }) => await ctx.db.insert('numbers', { x }),
      }),
      '[{"x":2}]',
    ),

    // --- actions -------------------------------------------------------------------------------------
    actionCalls: a(
      action(async (ctx) => [
        await ctx.runQuery(api.messages.list, { a: 1n }),
        await ctx.runMutation(api.messages.send, {}),
        await ctx.runAction(lib.makeFunctionReference<'action'>('dir/sub/mod:act'), {
          nested: { x: [1] },
        }),
        await ctx.runQuery(api.messages.list),
      ]),
    ),
    actionNestedConvexError: a(
      action(async (ctx) => await ctx.runMutation(api.nested.failsToo, { y: 2 })),
    ),
    actionScheduler: a(
      action(async (ctx) => [
        await ctx.scheduler.runAfter(0, api.jobs.run, { x: 1 }),
        await ctx.scheduler.runAt(1_900_000_000_000, api.jobs.run, {}),
        await ctx.scheduler.cancel('_scheduled_functions|1' as never),
      ]),
    ),
    vectorSearch: a(
      action(
        async (ctx) =>
          await ctx.vectorSearch('messages', 'by_embedding', {
            vector: [0.1, 0.2, 0.3],
            limit: 4,
            filter: (f) => f.or(f.eq('channel', 'general'), f.eq('channel', undefined as never)),
          }),
      ),
    ),
    vectorSearchNoFilter: a(
      action(async (ctx) => await ctx.vectorSearch('messages', 'by_embedding', { vector: [1] })),
    ),
    vectorSearchEmpty: a(
      action(async (ctx) => await ctx.vectorSearch('messages', 'by_embedding', { vector: [] })),
    ),
    actionStorage: a(
      action(async (ctx) => {
        const id = await ctx.storage.store(new Blob(['abc'], { type: 'text/csv' }));
        const blob = await ctx.storage.get(id);
        return [
          id,
          (await blob?.text()) ?? null,
          await ctx.storage.getUrl(id),
          await ctx.storage.generateUploadUrl(),
        ];
      }),
    ),
    actionAuthAndMeta: a(
      action(async (ctx) => [
        await ctx.auth.getUserIdentity(),
        await ctx.meta.getFunctionMetadata(),
        await ctx.meta.getRequestMetadata(),
        await ctx.meta.getDeploymentMetadata(),
      ]),
    ),
    actionTransactionMetrics: a(
      action(
        async (ctx) =>
          await (
            ctx.meta as unknown as { getTransactionMetrics(): Promise<unknown> }
          ).getTransactionMetrics(),
      ),
    ),
    functionHandle: a(action(async () => await lib.createFunctionHandle(api.jobs.run))),
    serviceToken: a(action(async () => await lib.getServiceToken('ai-gateway'))),
    internalAction: a(
      lib.internalActionGeneric(async (_ctx, args: { s: string }) => args.s.toUpperCase()),
      '[{"s":"abc"}]',
    ),
    internalQuery: q(
      lib.internalQueryGeneric({ args: {}, returns: v.null(), handler: async () => null }),
    ),

    // --- HTTP -------------------------------------------------------------------------------------------
    httpExact: {
      kind: 'http',
      router: http,
      request: JSON.stringify({ url: 'https://site.example/echo', method: 'POST', body: 'x' }),
      route: '/echo',
    },
    httpPrefix: {
      kind: 'http',
      router: http,
      request: JSON.stringify({ url: 'https://site.example/files/a/b', method: 'GET' }),
      route: '',
    },
    httpHead: {
      kind: 'http',
      router: http,
      request: JSON.stringify({ url: 'https://site.example/files/a', method: 'HEAD' }),
      route: '/files/a',
    },
    httpNotFound: {
      kind: 'http',
      router: http,
      request: JSON.stringify({ url: 'https://site.example/nope', method: 'GET' }),
      route: '/nope',
    },
  };
}
