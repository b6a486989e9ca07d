import { paginationOptsValidator, query } from '@selfhost/client/server';
import { v } from '@selfhost/client/values';

/** `npx convex data <table>`: one page of a table's documents (system tables through db.system). */
export default query({
  args: { table: v.string(), order: v.union(v.literal('asc'), v.literal('desc')), paginationOpts: paginationOptsValidator },
  handler: async (ctx, { table, order, paginationOpts }) => {
    const reader = table.startsWith('_') ? ctx.db.system : ctx.db;
    return await (reader as typeof ctx.db).query(table).order(order).paginate(paginationOpts);
  },
});
