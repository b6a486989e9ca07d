import { internalQueryGeneric, mutationGeneric, queryGeneric } from 'convex/server';
import { v } from 'convex/values';

// Functions read environment variables from `process.env` (the fixture has no @types/node).
declare const process: { env: Record<string, string | undefined> };

export const list = queryGeneric({
  args: { author: v.optional(v.string()) },
  handler: async (ctx, { author }): Promise<unknown[]> => {
    const messages = author === undefined ? ctx.db.query('messages') : ctx.db.query('messages').withIndex('by_author', (q) => q.eq('author', author));
    const documents: unknown[] = await messages.collect();
    return documents;
  },
});

export const send = mutationGeneric({
  args: { author: v.string(), body: v.string() },
  handler: async (ctx, { author, body }) => {
    console.log('sending', body);
    return await ctx.db.insert('messages', { author, body });
  },
});

export const count = internalQueryGeneric({
  args: {},
  handler: async (ctx) => (await ctx.db.query('messages').collect()).length,
});

/** Reads an environment variable that the dashboard's Settings page sets. */
export const greeting = queryGeneric({
  args: {},
  handler: async () => {
    await Promise.resolve();
    return process.env.E2E_GREETING ?? null;
  },
});
