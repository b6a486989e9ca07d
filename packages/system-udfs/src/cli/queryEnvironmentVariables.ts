import { query } from '@selfhost/client/server';
import { v } from '@selfhost/client/values';
import { privateTables } from '../system-tables.ts';

/** `npx convex env list`: every environment variable document, ordered by name. */
export default query({
  args: {},
  handler: async (ctx) => privateTables(ctx.db).query('_environment_variables').withIndex('by_name').collect(),
});

/** `npx convex env get <name>`: `{ name, value }`, or null when it is not set. */
export const get = query({
  args: { name: v.string() },
  handler: async (ctx, { name }) => {
    const row = await privateTables(ctx.db)
      .query('_environment_variables')
      .withIndex('by_name', (q) => q.eq('name', name))
      .unique();
    return row === null ? null : { name: row.name, value: row.value };
  },
});
