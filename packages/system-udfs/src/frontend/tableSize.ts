import { query } from '@selfhost/client/server';
import { v } from '@selfhost/client/values';

/** `_system/frontend/tableSize`: the number of documents in a user table (0 for none). */
export default query({
  args: { tableName: v.string() },
  returns: v.number(),
  handler: async (ctx, { tableName }) => {
    if (tableName === '') return 0;
    // `count()` is the `1.0/count` syscall; convex/server keeps it out of the typed API too.
    const table = ctx.db.query(tableName) as unknown as { count(): Promise<number> };
    return await table.count();
  },
});
