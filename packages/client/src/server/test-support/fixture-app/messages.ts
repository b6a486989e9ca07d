import { paginationOptsValidator } from '@selfhost/client/server';
import { v } from '@selfhost/client/values';
import { api, internal } from './_generated/api.ts';
import type { Doc, Id } from './_generated/dataModel.ts';
import { action, internalMutation, internalQuery, mutation, query } from './_generated/server.ts';

export const list = query({
  args: { channel: v.string() },
  handler: async (ctx, { channel }) =>
    await ctx.db
      .query('messages')
      .withIndex('by_channel', (q) => q.eq('channel', channel))
      .filter((q) => q.eq(q.field('meta.pinned'), true))
      .order('desc')
      .collect(),
});

export const get = query({
  args: { id: v.id('messages') },
  handler: async (ctx, { id }) => await ctx.db.get('messages', id),
});

export const byAuthor = query({
  args: { channel: v.string(), author: v.id('users') },
  returns: v.union(v.object({ body: v.string() }), v.null()),
  handler: async (ctx, { channel, author }) => {
    const message = await ctx.db
      .query('messages')
      .withIndex('by_channel_author', (q) => q.eq('channel', channel).eq('author', author))
      .first();
    return message === null ? null : { body: message.body };
  },
});

export const page = query({
  args: { paginationOpts: paginationOptsValidator },
  handler: async (ctx, { paginationOpts }) =>
    await ctx.db.query('messages').paginate(paginationOpts),
});

export const search = query({
  args: { text: v.string() },
  handler: async (ctx, { text }) =>
    await ctx.db
      .query('messages')
      .withSearchIndex('search_body', (q) => q.search('body', text).eq('channel', 'general'))
      .take(10),
});

export const send = mutation({
  args: { channel: v.string(), body: v.string(), author: v.id('users') },
  returns: v.id('messages'),
  handler: async (ctx, args) => {
    const id = await ctx.db.insert('messages', {
      ...args,
      meta: { pinned: false, tags: [] },
      embedding: [],
    });
    await ctx.db.patch('messages', id, { likes: undefined });
    await ctx.scheduler.runAfter(0, internal.messages.bump, { id });
    return id;
  },
});

export const bump = internalMutation({
  args: { id: v.id('messages') },
  handler: async (ctx, { id }) => {
    const message = await ctx.db.get(id);
    if (message !== null) await ctx.db.patch(id, { likes: (message.likes ?? 0) + 1 });
  },
});

export const count = internalQuery(
  async (ctx): Promise<number> => (await ctx.db.query('messages').collect()).length,
);

export const similar = action({
  args: { vector: v.array(v.float64()) },
  handler: async (ctx, { vector }): Promise<Array<Doc<'messages'> | null>> => {
    const results = await ctx.vectorSearch('messages', 'by_embedding', {
      vector,
      limit: 5,
      filter: (q) => q.or(q.eq('channel', 'general'), q.eq('channel', 'random')),
    });
    const total: number = await ctx.runQuery(internal.messages.count);
    const docs: Array<Doc<'messages'> | null> = [];
    for (const { _id } of results.slice(0, total))
      docs.push(await ctx.runQuery(api.messages.get, { id: _id }));
    return docs;
  },
});

export const newest = query({
  handler: async (ctx): Promise<Id<'messages'> | undefined> =>
    (await ctx.db.query('messages').order('desc').first())?._id,
});
