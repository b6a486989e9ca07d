import { query } from '@selfhost/client/server';
import { v } from '@selfhost/client/values';

/** `npx convex deploy`'s large-index check: the number of documents in a table. */
export default query({
  args: { tableName: v.string() },
  handler: async (ctx, { tableName }) => {
    const reader = tableName.startsWith('_') ? ctx.db.system : ctx.db;
    const table = (reader as typeof ctx.db).query(tableName) as unknown as { count(): Promise<number> };
    return await table.count();
  },
});
