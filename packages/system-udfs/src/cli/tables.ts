import { paginationOptsValidator, query } from '@selfhost/client/server';
import { privateTables } from '../system-tables.ts';

/** `npx convex data`: the user tables (one page holding all of them). */
export default query({
  args: { paginationOpts: paginationOptsValidator },
  handler: async (ctx) => {
    const tables = await privateTables(ctx.db).query('_tables').withIndex('by_name').collect();
    return {
      page: tables.filter((table) => !table.name.startsWith('_')).map((table) => ({ name: table.name })),
      isDone: true,
      continueCursor: 'end',
    };
  },
});
