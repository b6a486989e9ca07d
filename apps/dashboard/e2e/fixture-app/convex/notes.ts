import { mutationGeneric } from 'convex/server';
import { v } from 'convex/values';

/**
 * Inserts `count` notes numbered 0…count-1 in a shuffled order (n = i·7 mod count), so that
 * sorting by the `by_n` index differs from sorting by creation time.
 */
export const seed = mutationGeneric({
  args: { count: v.number() },
  handler: async (ctx, { count }) => {
    for (let i = 0; i < count; i++) await ctx.db.insert('notes', { n: (i * 7) % count, text: `note ${(i * 7) % count}` });
  },
});
