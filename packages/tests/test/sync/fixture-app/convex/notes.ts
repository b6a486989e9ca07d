/* eslint-disable @typescript-eslint/no-unsafe-return -- fixture app: written the way Convex apps are (untyped generic data model). */
import { mutationGeneric, queryGeneric } from 'convex/server';
import { ConvexError, v } from 'convex/values';

/** Every note, oldest first. */
export const list = queryGeneric({
  args: {},
  handler: async (ctx) => await ctx.db.query('notes').collect(),
});

/** The ten newest notes (the benchmark's query). */
export const latest = queryGeneric({
  args: {},
  handler: async (ctx) => await ctx.db.query('notes').order('desc').take(10),
});

export const count = queryGeneric({
  args: {},
  handler: async (ctx) => (await ctx.db.query('notes').collect()).length,
});

/** One client's notes by sequence number. */
export const byClient = queryGeneric({
  args: { client: v.string() },
  handler: async (ctx, { client }) =>
    await ctx.db
      .query('notes')
      .withIndex('by_client_seq', (q) => q.eq('client', client))
      .collect(),
});

export const add = mutationGeneric({
  args: { client: v.string(), seq: v.number(), body: v.string() },
  handler: async (ctx, args) => await ctx.db.insert('notes', args),
});

/** Inserts, then throws: nothing is committed and the client's optimistic update rolls back. */
export const addThenFail = mutationGeneric({
  args: { client: v.string(), seq: v.number(), body: v.string() },
  handler: async (ctx, args) => {
    await ctx.db.insert('notes', args);
    throw new ConvexError({ code: 'REFUSED', body: args.body });
  },
});
