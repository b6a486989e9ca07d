import { query } from '@selfhost/client/server';
import { v } from '@selfhost/client/values';
import { privateTables } from '../system-tables.ts';

/**
 * `_system/frontend/getTableMapping`: table number → table name for every table (user tables
 * and the system tables listed in `_tables`), e.g. `{ "10001": "messages" }`.
 */
export default query({
  args: {},
  returns: v.record(v.string(), v.string()),
  handler: async (ctx) => {
    const tables = await privateTables(ctx.db).query('_tables').withIndex('by_name').collect();
    return Object.fromEntries(tables.map((table) => [String(table.number), table.name]));
  },
});
