import { v } from '@selfhost/client/values';
import { query } from '../_generated/server.ts';

export const byEmail = query({
  args: { email: v.string() },
  handler: async (ctx, { email }) =>
    await ctx.db
      .query('users')
      .withIndex('by_email', (q) => q.eq('email', email))
      .unique(),
});

export const storageFile = query({
  args: { id: v.id('_storage') },
  handler: async (ctx, { id }) => await ctx.db.system.get('_storage', id),
});

export const shapes = query(async (ctx) => await ctx.db.query('shapes').collect());
