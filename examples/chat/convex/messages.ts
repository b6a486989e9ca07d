import { ConvexError, v } from '@selfhost/client/values';
import { mutation, query } from './_generated/server';

/** The most recent messages, oldest first. */
export const list = query({
  args: {},
  handler: async (ctx) => {
    const newest = await ctx.db.query('messages').order('desc').take(100);
    return newest.reverse();
  },
});

/** Posts a message; an empty one is refused with a `ConvexError` the UI shows. */
export const send = mutation({
  args: { author: v.string(), body: v.string() },
  handler: async (ctx, { author, body }) => {
    const text = body.trim();
    if (text === '') throw new ConvexError('A message cannot be empty.');
    if (text.length > 1000) throw new ConvexError('A message can have at most 1000 characters.');
    await ctx.db.insert('messages', { author: author.trim() || 'Anonymous', body: text });
  },
});
