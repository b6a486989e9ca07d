// Handlers are async without awaiting, as apps write them.
/* eslint-disable @typescript-eslint/require-await */
// What the host reads at push time — `exportArgs()`/`exportReturns()`, `schema.export()`,
// `crons.export()`, `router.getRoutes()` — must be the same text as the official library's for the
// same definitions.
import * as officialServer from 'convex/server';
import * as officialValues from 'convex/values';
import { describe, expect, test } from 'vitest';
import * as ourServer from '@selfhost/client/server';

type Library = typeof ourServer;
const official = {
  ...officialServer,
  v: officialValues.v,
  ConvexError: officialValues.ConvexError,
} as unknown as Library;
const libraries = { official, ours: ourServer };

// `anyApi.a.b…` without the `undefined` that noUncheckedIndexedAccess adds to index signatures.
function apiPath(lib: Library, ...path: string[]): ourServer.FunctionReference<'query'> {
  return path.reduce<unknown>(
    (node, key) => (node as Record<string, unknown>)[key],
    lib.anyApi,
  ) as ourServer.FunctionReference<'query'>;
}

function both<TResult>(build: (lib: Library) => TResult): { official: TResult; ours: TResult } {
  return { official: build(libraries.official), ours: build(libraries.ours) };
}

// Misuse must fail in both libraries, with the same kind of error (the wording is ours).
function sameFailure(build: (lib: Library) => unknown): void {
  const outcome = (lib: Library) => {
    try {
      return { value: build(lib) };
    } catch (error) {
      return {
        threw:
          (error as Error).constructor.name === 'ValuesError'
            ? 'Error'
            : (error as Error).constructor.name,
      };
    }
  };
  const theirs = outcome(libraries.official);
  expect(theirs).toHaveProperty('threw');
  expect(outcome(libraries.ours)).toEqual(theirs);
}

function validatorDefinitions(lib: Library) {
  const { v } = lib;
  return {
    none: lib.queryGeneric(async () => null),
    handlerOnly: lib.queryGeneric({ handler: async () => null }),
    emptyArgs: lib.mutationGeneric({ args: {}, handler: async () => null }),
    everyType: lib.queryGeneric({
      args: {
        id: v.id('users'),
        nul: v.null(),
        num: v.number(),
        f64: v.float64(),
        i64: v.int64(),
        big: v.bigint(),
        ts: v.commitTs(),
        bool: v.boolean(),
        str: v.string(),
        bytes: v.bytes(),
        any: v.any(),
        litS: v.literal('x'),
        litN: v.literal(1.5),
        litB: v.literal(false),
        litI: v.literal(10n),
        arr: v.array(v.union(v.string(), v.null())),
        rec: v.record(v.string(), v.number()),
        recId: v.record(v.id('users'), v.boolean()),
        obj: v.object({ z: v.string(), a: v.optional(v.number()) }),
        opt: v.optional(v.string()),
        nullable: v.nullable(v.number()),
        union: v.union(
          v.object({ kind: v.literal('a') }),
          v.object({ kind: v.literal('b'), n: v.number() }),
        ),
      },
      returns: v.object({ ok: v.boolean() }),
      handler: async () => ({ ok: true }),
    }),
    validatorArgs: lib.actionGeneric({
      args: v.object({ a: v.string() }),
      returns: v.null(),
      handler: async () => null,
    }),
    anyArgs: lib.internalActionGeneric({ args: v.any(), handler: async () => null }),
    recordReturns: lib.internalQueryGeneric({
      args: { x: v.number() },
      returns: { y: v.string() },
      handler: async () => ({ y: '' }),
    }),
    paginated: lib.queryGeneric({
      args: { paginationOpts: lib.paginationOptsValidator },
      returns: lib.paginationResultValidator(v.object({ body: v.string() })),
      handler: async () => ({ page: [], isDone: true, continueCursor: '' }),
    }),
  };
}

describe('exportArgs() and exportReturns()', () => {
  const names = Object.keys(validatorDefinitions(ourServer));
  test.each(names)('%s', (name) => {
    const { official: theirs, ours } = both((lib) => {
      const fn = validatorDefinitions(lib)[
        name as keyof ReturnType<typeof validatorDefinitions>
      ] as unknown as {
        exportArgs(): string;
        exportReturns(): string;
      };
      return [fn.exportArgs(), fn.exportReturns()];
    });
    expect(ours).toEqual(theirs);
  });

  test('a validator left undefined by a circular import is reported when exported', () => {
    sameFailure((lib) => {
      const fn = lib.queryGeneric({
        args: { a: lib.v.array(undefined as never) },
        handler: async () => null,
      });
      return fn.exportArgs();
    });
  });
});

function schemaOf(lib: Library) {
  const { v, defineSchema, defineTable } = lib;
  return defineSchema({
    messages: defineTable({
      channel: v.string(),
      body: v.string(),
      author: v.optional(v.id('users')),
      likes: v.number(),
      embedding: v.array(v.float64()),
    })
      .index('by_channel', ['channel'])
      .index('by_channel_likes', { fields: ['channel', 'likes'] })
      .index('by_author', { fields: ['author'], staged: true })
      .index('by_creation', ['_creationTime'])
      .searchIndex('search_body', { searchField: 'body', filterFields: ['channel', 'author'] })
      .searchIndex('search_plain', { searchField: 'body' })
      .searchIndex('search_staged', { searchField: 'body', staged: true })
      .vectorIndex('by_embedding', {
        vectorField: 'embedding',
        dimensions: 3,
        filterFields: ['channel'],
      })
      .vectorIndex('by_embedding_staged', {
        vectorField: 'embedding',
        dimensions: 1536,
        staged: true,
      }),
    users: defineTable(v.object({ name: v.string(), email: v.string() })).staged({
      email: undefined,
      nickname: v.optional(v.string()),
    }),
    shapes: defineTable(
      v.union(
        v.object({ kind: v.literal('circle'), r: v.number() }),
        v.object({ kind: v.literal('square'), side: v.number() }),
      ),
    )
      .index('by_kind', ['kind'])
      .staged(v.union(v.object({ kind: v.literal('circle'), r: v.number() }))),
    anything: defineTable(v.any()),
    records: defineTable(v.record(v.string(), v.number())),
  });
}

describe('defineSchema().export()', () => {
  test('a schema using every kind of index and staging', () => {
    const { official: theirs, ours } = both((lib) => schemaOf(lib).export());
    expect(ours).toBe(theirs);
  });

  test('schemaValidation: false and the default', () => {
    const { official: theirs, ours } = both((lib) => [
      lib
        .defineSchema(
          { t: lib.defineTable({ a: lib.v.string() }) },
          { schemaValidation: false, strictTableNameTypes: false },
        )
        .export(),
      lib.defineSchema({}).export(),
    ]);
    expect(ours).toEqual(theirs);
  });

  test('doc(), id() and docValidator() give the same validators', () => {
    const { official: theirs, ours } = both((lib) => {
      const schema = schemaOf(lib);
      return [
        schema.doc('messages').json,
        schema.doc('shapes').json,
        schema.doc('anything').json,
        schema.id('users').json,
        lib.docValidator('users', schema.tables.users).json,
      ];
    });
    expect(ours).toEqual(theirs);
  });

  test('misuse fails in both', () => {
    sameFailure((lib) => schemaOf(lib).doc('nope' as never));
    sameFailure((lib) => schemaOf(lib).doc('records').json);
    sameFailure((lib) => lib.defineTable({ a: lib.v.string() }).staged({}).staged({}));
    sameFailure((lib) =>
      lib.defineTable(lib.v.union(lib.v.object({}))).staged({ a: lib.v.string() }),
    );
  });
});

function cronsOf(lib: Library) {
  const crons = lib.cronJobs();
  const ref = lib.makeFunctionReference<'mutation'>('jobs:cleanup');
  crons.interval('every seconds', { seconds: 30 }, ref);
  crons.interval('every minutes', { minutes: 5 }, ref, { n: 1n });
  crons.interval('every hours', { hours: 2, minutes: undefined }, ref);
  crons.hourly('hourly no schedule', ref);
  crons.hourly('hourly no schedule with args', ref, { a: 'x' } as never);
  crons.hourly(
    'hourly minute',
    { minuteUTC: 15 },
    lib.makeFunctionReference<'mutation'>('dir/jobs:run'),
  );
  crons.hourly('hourly empty', {}, ref);
  crons.daily('daily', { hourUTC: 3 }, ref);
  crons.daily('daily minute', { hourUTC: 23, minuteUTC: 59 }, ref, { b: [1, 2] });
  crons.weekly('weekly', { dayOfWeek: 'tuesday', hourUTC: 0 }, ref);
  crons.weekly('weekly minute', { dayOfWeek: 'sunday', hourUTC: 12, minuteUTC: 0 }, ref);
  crons.monthly('monthly', { day: 31, hourUTC: 1 }, lib.makeFunctionReference<'mutation'>('jobs'));
  crons.monthly('monthly minute', { day: 1, hourUTC: 1, minuteUTC: 1 }, ref);
  crons.cron('cron', '*/5 * * * 1-5', ref, { c: null });
  crons.schedule('raw', { type: 'cron', cron: '0 0 * * *' }, 'jobs:raw' as never);
  return crons;
}

describe('cronJobs().export()', () => {
  test('every kind of schedule', () => {
    const { official: theirs, ours } = both((lib) => cronsOf(lib).export());
    expect(ours).toBe(theirs);
    expect(JSON.parse(ours)).toMatchObject({
      'hourly no schedule': { name: 'jobs:cleanup', args: [{}], schedule: { type: 'hourly' } },
    });
  });

  test.each([
    [
      'interval 0',
      (c: ReturnType<Library['cronJobs']>, ref: never) => c.interval('x', { seconds: 0 }, ref),
    ],
    [
      'interval fraction',
      (c: ReturnType<Library['cronJobs']>, ref: never) => c.interval('x', { minutes: 1.5 }, ref),
    ],
    [
      'interval two units',
      (c: ReturnType<Library['cronJobs']>, ref: never) =>
        c.interval('x', { minutes: 1, hours: 1 } as never, ref),
    ],
    [
      'interval no unit',
      (c: ReturnType<Library['cronJobs']>, ref: never) => c.interval('x', {} as never, ref),
    ],
    [
      'hour 24',
      (c: ReturnType<Library['cronJobs']>, ref: never) => c.daily('x', { hourUTC: 24 }, ref),
    ],
    [
      'minute 60',
      (c: ReturnType<Library['cronJobs']>, ref: never) => c.hourly('x', { minuteUTC: 60 }, ref),
    ],
    [
      'day 0',
      (c: ReturnType<Library['cronJobs']>, ref: never) =>
        c.monthly('x', { day: 0, hourUTC: 0 }, ref),
    ],
    [
      'bad weekday',
      (c: ReturnType<Library['cronJobs']>, ref: never) =>
        c.weekly('x', { dayOfWeek: 'Monday' as never, hourUTC: 0 }, ref),
    ],
    [
      'non-ASCII identifier',
      (c: ReturnType<Library['cronJobs']>, ref: never) => c.cron('naïve', '* * * * *', ref),
    ],
    [
      'duplicate identifier',
      (c: ReturnType<Library['cronJobs']>, ref: never) => {
        c.cron('dup', '* * * * *', ref);
        c.cron('dup', '* * * * *', ref);
      },
    ],
    [
      'args not an object',
      (c: ReturnType<Library['cronJobs']>, ref: never) =>
        c.cron('x', '* * * * *', ref, [1] as never),
    ],
    [
      'function handle',
      (c: ReturnType<Library['cronJobs']>) => c.cron('x', '* * * * *', 'function://abc' as never),
    ],
  ])('%s fails in both', (_name, register) => {
    sameFailure((lib) =>
      register(lib.cronJobs(), lib.makeFunctionReference<'mutation'>('jobs:run') as never),
    );
  });
});

function routerOf(lib: Library) {
  const http = lib.httpRouter();
  const handlers = ['a', 'b', 'c', 'd', 'e'].map((name) => {
    const handler = lib.httpActionGeneric(async () => new Response(name));
    return Object.assign(handler, { testName: name });
  });
  const [a, b, c, d, e] = handlers as [
    (typeof handlers)[0],
    (typeof handlers)[0],
    (typeof handlers)[0],
    (typeof handlers)[0],
    (typeof handlers)[0],
  ];
  http.route({ path: '/z', method: 'GET', handler: a });
  http.route({ path: '/z', method: 'DELETE', handler: b });
  http.route({ path: '/a', method: 'POST', handler: c });
  http.route({ pathPrefix: '/files/', method: 'GET', handler: d });
  http.route({ pathPrefix: '/files/deep/', method: 'GET', handler: e });
  http.route({ pathPrefix: '/', method: 'PUT', handler: a });
  return http;
}

describe('httpRouter()', () => {
  test('getRoutes() lists the same routes in the same order', () => {
    const { official: theirs, ours } = both((lib) =>
      routerOf(lib)
        .getRoutes()
        .map(([path, method, handler]) => [
          path,
          method,
          (handler as unknown as { testName: string }).testName,
        ]),
    );
    expect(ours).toEqual(theirs);
  });

  test('lookup() finds the same route', () => {
    const cases = [
      ['/z', 'GET'],
      ['/z', 'HEAD'],
      ['/z', 'POST'],
      ['/files/deep/x', 'GET'],
      ['/files/x', 'GET'],
      ['/files', 'GET'],
      ['/anything', 'PUT'],
      ['/a', 'POST'],
    ] as const;
    const { official: theirs, ours } = both((lib) => {
      const http = routerOf(lib);
      return cases.map(([path, method]) => {
        const match = http.lookup(path, method);
        return (
          match && [(match[0] as unknown as { testName: string }).testName, match[1], match[2]]
        );
      });
    });
    expect(ours).toEqual(theirs);
  });

  test.each([
    ['path without leading slash', { path: 'hook', method: 'GET' }],
    ['reserved path', { path: '/.files/x', method: 'GET' }],
    ['reserved exact path', { path: '/.files', method: 'GET' }],
    ['prefix without trailing slash', { pathPrefix: '/files', method: 'GET' }],
    ['prefix without leading slash', { pathPrefix: 'files/', method: 'GET' }],
    ['reserved prefix', { pathPrefix: '/.files/', method: 'GET' }],
    ['both path and prefix', { path: '/x', pathPrefix: '/x/', method: 'GET' }],
    ['neither path nor prefix', { method: 'GET' }],
    ['bad method', { path: '/x', method: 'HEAD' }],
    ['no method', { path: '/x' }],
    ['duplicate exact', { path: '/z', method: 'GET' }],
    ['duplicate prefix', { pathPrefix: '/files/', method: 'GET' }],
  ])('%s: both reject it', (_name, spec) => {
    sameFailure((lib) => {
      const http = routerOf(lib);
      http.route({
        handler: lib.httpActionGeneric(async () => new Response('')),
        ...spec,
      } as never);
      return http.getRoutes().length;
    });
  });

  test('a route without a handler is rejected by both', () => {
    sameFailure((lib) => lib.httpRouter().route({ path: '/x', method: 'GET' } as never));
  });
});

describe('other exported values', () => {
  test('pagination validators', () => {
    const { official: theirs, ours } = both((lib) => [
      lib.paginationOptsValidator.json,
      lib.paginationResultValidator(lib.v.string()).json,
    ]);
    expect(ours).toEqual(theirs);
  });

  test('ROUTABLE_HTTP_METHODS', () => {
    expect([...ourServer.ROUTABLE_HTTP_METHODS]).toEqual([...officialServer.ROUTABLE_HTTP_METHODS]);
  });

  test('function references name the same functions', () => {
    const { official: theirs, ours } = both((lib) => [
      lib.getFunctionName(apiPath(lib, 'messages', 'list')),
      lib.getFunctionName(apiPath(lib, 'dir', 'sub', 'mod', 'fn')),
      lib.getFunctionName(apiPath(lib, 'dir', 'mod', 'default')),
      lib.getFunctionName(lib.makeFunctionReference('a/b:c')),
      lib.getFunctionName('plain:string' as never),
      Object.prototype.toString.call(apiPath(lib, 'x', 'y')),
    ]);
    expect(ours).toEqual(theirs);
    sameFailure((lib) => lib.getFunctionName(apiPath(lib, 'onlyModule')));
    sameFailure((lib) => lib.getFunctionName('function://handle' as never));
    sameFailure((lib) => lib.getFunctionName({} as never));
  });

  test('the references of one library are understood by the other', () => {
    expect(ourServer.getFunctionName(apiPath(official, 'a', 'b'))).toBe('a:b');
    expect(officialServer.getFunctionName(apiPath(ourServer, 'a', 'b') as never)).toBe('a:b');
    expect(ourServer.getFunctionName(officialServer.makeFunctionReference('x:y') as never)).toBe(
      'x:y',
    );
  });
});
