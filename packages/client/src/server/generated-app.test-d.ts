// Handlers are async without awaiting, as apps write them.
/* eslint-disable @typescript-eslint/require-await */
// Type tests against the fixture app (generated-style `_generated/` files + modules). Checked by
// `pnpm check-types` (tsc): a wrong inference fails an `expectTypeOf`, and an accepted misuse
// fails its `@ts-expect-error`.
import { describe, expectTypeOf, test } from 'vitest';
import {
  defineSchema,
  defineTable,
  makeFunctionReference,
  type DataModelFromSchemaDefinition,
  type TableNamesInDataModel,
} from '@selfhost/client/server';
import type {
  FunctionArgs,
  FunctionReference,
  FunctionReturnType,
  PaginationResult,
  RegisteredMutation,
  RegisteredQuery,
} from '@selfhost/client/server';
import { v, type GenericId, type Infer } from '@selfhost/client/values';
import { api, internal } from './test-support/fixture-app/_generated/api.ts';
import type {
  DataModel,
  Doc,
  Id,
  TableNames,
} from './test-support/fixture-app/_generated/dataModel.ts';
import {
  mutation,
  query,
  type MutationCtx,
  type QueryCtx,
} from './test-support/fixture-app/_generated/server.ts';
import type * as messages from './test-support/fixture-app/messages.ts';

type Message = {
  _id: Id<'messages'>;
  _creationTime: number;
  channel: string;
  body: string;
  author: Id<'users'>;
  likes?: number;
  meta: { pinned: boolean; tags: string[] };
  embedding: number[];
};

describe('Infer and Doc', () => {
  test('Infer gives the value type of a validator', () => {
    const _user = v.object({
      name: v.string(),
      age: v.optional(v.int64()),
      tags: v.array(v.union(v.literal('a'), v.literal('b'))),
    });
    expectTypeOf<Infer<typeof _user>>().toEqualTypeOf<{
      name: string;
      age?: bigint;
      tags: Array<'a' | 'b'>;
    }>();
    expectTypeOf<Infer<ReturnType<typeof v.id<'users'>>>>().toEqualTypeOf<GenericId<'users'>>();
  });

  test('Doc adds the system fields to the table document', () => {
    expectTypeOf<Doc<'messages'>>().toEqualTypeOf<Message>();
    expectTypeOf<Doc<'users'>>().toEqualTypeOf<{
      _id: Id<'users'>;
      _creationTime: number;
      name: string;
      email: string;
      counter: bigint;
    }>();
    expectTypeOf<Doc<'shapes'>>().toEqualTypeOf<
      | { _id: Id<'shapes'>; _creationTime: number; kind: 'circle'; r: number }
      | { _id: Id<'shapes'>; _creationTime: number; kind: 'square'; side: number }
    >();
    expectTypeOf<TableNames>().toEqualTypeOf<'messages' | 'users' | 'shapes'>();
  });

  test('the data model lists indexes with the creation-time tiebreaker and the system indexes', () => {
    expectTypeOf<DataModel['messages']['indexes']>().toEqualTypeOf<{
      by_channel: ['channel', '_creationTime'];
      by_channel_author: ['channel', 'author', '_creationTime'];
      by_pinned: ['meta.pinned', '_creationTime'];
      by_id: ['_id'];
      by_creation_time: ['_creationTime'];
    }>();
    expectTypeOf<DataModel['messages']['searchIndexes']>().toEqualTypeOf<{
      search_body: { searchField: 'body'; filterFields: 'channel' };
    }>();
    expectTypeOf<DataModel['messages']['fieldPaths']>().toEqualTypeOf<
      | '_id'
      | '_creationTime'
      | 'channel'
      | 'body'
      | 'author'
      | 'likes'
      | 'meta'
      | 'meta.pinned'
      | 'meta.tags'
      | 'embedding'
    >();
  });
});

describe('ctx.db', () => {
  test('db.get returns the document of the table, or null', () => {
    const check = async (ctx: QueryCtx, id: Id<'messages'>) => {
      expectTypeOf(await ctx.db.get('messages', id)).toEqualTypeOf<Message | null>();
      expectTypeOf(await ctx.db.get(id)).toEqualTypeOf<Message | null>();
      expectTypeOf(await ctx.db.system.get('_storage', 'x' as Id<'_storage'>)).toEqualTypeOf<{
        _id: Id<'_storage'>;
        _creationTime: number;
        sha256: string;
        size: number;
        contentType?: string;
      } | null>();
      // @ts-expect-error an id of another table
      await ctx.db.get('users', id);
      // @ts-expect-error not a table
      await ctx.db.get('nope', id);
    };
    expectTypeOf(check).toBeFunction();
  });

  test('withIndex offers the index fields in order, with their value types', () => {
    const check = async (ctx: QueryCtx, author: Id<'users'>) => {
      ctx.db
        .query('messages')
        .withIndex('by_channel_author', (q) => q.eq('channel', 'general').eq('author', author));
      ctx.db
        .query('messages')
        .withIndex('by_channel_author', (q) =>
          q.eq('channel', 'general').gt('author', author).lt('author', author),
        );
      ctx.db.query('messages').withIndex('by_pinned', (q) => q.eq('meta.pinned', true));
      ctx.db
        .query('messages')
        .withIndex('by_channel', (q) => q.eq('channel', 'a').gte('_creationTime', 0));
      // @ts-expect-error `author` is the second field of the index, not the first
      ctx.db.query('messages').withIndex('by_channel_author', (q) => q.eq('author', author));
      // @ts-expect-error `channel` holds strings
      ctx.db.query('messages').withIndex('by_channel', (q) => q.eq('channel', 1));
      // @ts-expect-error no such index
      ctx.db.query('messages').withIndex('by_body');
    };
    expectTypeOf(check).toBeFunction();
  });

  test('query results, filters and search are typed by the table', () => {
    const check = async (ctx: QueryCtx) => {
      const query = ctx.db.query('messages');
      expectTypeOf(await query.first()).toEqualTypeOf<Message | null>();
      expectTypeOf(await query.take(3)).toEqualTypeOf<Message[]>();
      expectTypeOf(await query.paginate({ numItems: 1, cursor: null })).toEqualTypeOf<
        PaginationResult<Message>
      >();
      ctx.db.query('messages').filter((q) => {
        expectTypeOf(q.field('meta.pinned')).toExtend<{ valueOf(): unknown }>();
        return q.eq(q.field('likes'), 3);
      });
      // @ts-expect-error not a field path
      ctx.db.query('messages').filter((q) => q.eq(q.field('meta.nope'), 3));
      ctx.db
        .query('messages')
        .withSearchIndex('search_body', (q) => q.search('body', 'x').eq('channel', 'c'));
      // @ts-expect-error `channel` is a filter field, not the search field
      ctx.db.query('messages').withSearchIndex('search_body', (q) => q.search('channel', 'x'));
      for await (const message of ctx.db.query('users'))
        expectTypeOf(message.counter).toEqualTypeOf<bigint>();
    };
    expectTypeOf(check).toBeFunction();
  });

  test('writes take the table document without (or with optional) system fields', () => {
    const check = async (ctx: MutationCtx, id: Id<'users'>) => {
      expectTypeOf(
        await ctx.db.insert('users', { name: 'a', email: 'b', counter: 1n }),
      ).toEqualTypeOf<Id<'users'>>();
      await ctx.db.patch('users', id, { name: 'x' });
      await ctx.db.replace(id, { name: 'a', email: 'b', counter: 2n, _id: id });
      await ctx.db.delete('users', id);
      // @ts-expect-error a required field is missing
      await ctx.db.insert('users', { name: 'a' });
      // @ts-expect-error `counter` is an Int64
      await ctx.db.patch(id, { counter: 1 });
      // @ts-expect-error required fields cannot be removed
      await ctx.db.patch(id, { name: undefined });
      expectTypeOf(ctx.db.vars.commitTs).not.toBeAny();
    };
    expectTypeOf(check).toBeFunction();
  });
});

describe('function builders', () => {
  test('query({ args, handler }) infers the handler arguments from the validators', () => {
    const fn = query({
      args: { channel: v.string(), limit: v.optional(v.number()) },
      handler: async (_ctx, args) => {
        expectTypeOf(args).toEqualTypeOf<{ channel: string; limit?: number }>();
        return args.channel.length;
      },
    });
    expectTypeOf(fn).toEqualTypeOf<
      RegisteredQuery<'public', { channel: string; limit?: number }, Promise<number>>
    >();
  });

  test('a returns validator constrains the handler result', () => {
    mutation({ args: {}, returns: v.string(), handler: async () => 'ok' });
    // @ts-expect-error the handler returns a number where a string is declared
    mutation({ args: {}, returns: v.string(), handler: async () => 1 });
    // A `null` returns validator also accepts returning nothing.
    mutation({ returns: v.null(), handler: async () => {} });
  });

  test('registered functions expose their visibility and arguments', () => {
    expectTypeOf<typeof messages.send>().toEqualTypeOf<
      RegisteredMutation<
        'public',
        { channel: string; body: string; author: Id<'users'> },
        Promise<Id<'messages'>>
      >
    >();
    expectTypeOf<typeof messages.count>().toExtend<
      RegisteredQuery<'internal', Record<string, never>, Promise<number>>
    >();
  });
});

describe('api, FunctionArgs and FunctionReturnType', () => {
  test('api holds the public functions, internal the internal ones, by module path', () => {
    expectTypeOf(api.messages.list).toEqualTypeOf<
      FunctionReference<'query', 'public', { channel: string }, Message[]>
    >();
    expectTypeOf(internal.messages.bump).toEqualTypeOf<
      FunctionReference<'mutation', 'internal', { id: Id<'messages'> }, null>
    >();
    expectTypeOf(api.dir.users.byEmail).toExtend<FunctionReference<'query', 'public'>>();
    // @ts-expect-error `bump` is internal
    expectTypeOf(api.messages.bump).toBeAny();
    // @ts-expect-error `list` is public
    expectTypeOf(internal.messages.list).toBeAny();
  });

  test('FunctionReturnType and FunctionArgs read the reference', () => {
    expectTypeOf<FunctionReturnType<typeof api.messages.list>>().toEqualTypeOf<Message[]>();
    expectTypeOf<FunctionReturnType<typeof api.messages.get>>().toEqualTypeOf<Message | null>();
    expectTypeOf<FunctionReturnType<typeof api.messages.byAuthor>>().toEqualTypeOf<{
      body: string;
    } | null>();
    expectTypeOf<FunctionReturnType<typeof api.messages.page>>().toEqualTypeOf<
      PaginationResult<Message>
    >();
    expectTypeOf<
      FunctionReturnType<typeof api.messages.newest>
    >().toEqualTypeOf<Id<'messages'> | null>();
    expectTypeOf<
      FunctionReturnType<typeof api.dir.users.byEmail>
    >().toEqualTypeOf<Doc<'users'> | null>();
    expectTypeOf<FunctionArgs<typeof api.messages.byAuthor>>().toEqualTypeOf<{
      channel: string;
      author: Id<'users'>;
    }>();
  });

  test('ctx.runQuery and the scheduler check arguments against the reference', () => {
    const check = async (ctx: MutationCtx, id: Id<'messages'>) => {
      expectTypeOf(await ctx.runQuery(api.messages.get, { id })).toEqualTypeOf<Message | null>();
      await ctx.scheduler.runAfter(10, internal.messages.bump, { id });
      // @ts-expect-error `id` is missing
      await ctx.scheduler.runAfter(10, internal.messages.bump, {});
      // @ts-expect-error queries cannot be scheduled
      await ctx.scheduler.runAfter(10, api.messages.get, { id });
    };
    expectTypeOf(check).toBeFunction();
  });
});

describe('schema options', () => {
  test('strictTableNameTypes: false also admits tables outside the schema', () => {
    const _loose = defineSchema(
      { known: defineTable({ a: v.string() }) },
      { strictTableNameTypes: false },
    );
    type Loose = DataModelFromSchemaDefinition<typeof _loose>;
    expectTypeOf<Loose['known']['document']>().toEqualTypeOf<{
      _id: GenericId<'known'>;
      _creationTime: number;
      a: string;
    }>();
    expectTypeOf<TableNamesInDataModel<Loose>>().toEqualTypeOf<string>();

    const _strict = defineSchema({ known: defineTable({ a: v.string() }) });
    expectTypeOf<
      TableNamesInDataModel<DataModelFromSchemaDefinition<typeof _strict>>
    >().toEqualTypeOf<'known'>();
  });

  test('makeFunctionReference carries the declared types', () => {
    const _ref = makeFunctionReference<'query', { n: number }, string>('module:fn');
    expectTypeOf<FunctionArgs<typeof _ref>>().toEqualTypeOf<{ n: number }>();
    expectTypeOf<FunctionReturnType<typeof _ref>>().toEqualTypeOf<string>();
  });
});
