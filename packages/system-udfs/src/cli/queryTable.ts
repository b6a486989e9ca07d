import { query } from '@selfhost/client/server';
import { v } from '@selfhost/client/values';

/**
 * `npx convex dev` watches this after a push failed on a table's documents: its result changes
 * whenever the table does (reading the table puts it in the read set; the random number makes
 * every re-run a new result).
 */
export default query({
  args: { tableName: v.string() },
  handler: async (ctx, { tableName }) => {
    await ctx.db.query(tableName).collect();
    return Math.random();
  },
});
