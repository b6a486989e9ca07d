import { mutationGeneric, paginationOptsValidator, queryGeneric } from 'convex/server';
import { v } from 'convex/values';

/** Items by rank, one page at a time (reactive pagination with journals). */
export const page = queryGeneric({
  args: { paginationOpts: paginationOptsValidator },
  handler: async (ctx, { paginationOpts }) =>
    await ctx.db.query('items').withIndex('by_rank').paginate(paginationOpts),
});

export const add = mutationGeneric({
  args: { rank: v.number(), label: v.string() },
  handler: async (ctx, args) => await ctx.db.insert('items', args),
});
