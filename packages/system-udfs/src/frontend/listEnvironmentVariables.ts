import { query } from '@selfhost/client/server';
import { v } from '@selfhost/client/values';
import { privateTables } from '../system-tables.ts';

/** `_system/frontend/listEnvironmentVariables`: every environment variable, ordered by name. */
export default query({
  args: {},
  returns: v.array(v.object({ _id: v.string(), _creationTime: v.number(), name: v.string(), value: v.string() })),
  handler: async (ctx) => {
    const rows = await privateTables(ctx.db).query('_environment_variables').withIndex('by_name').order('asc').collect();
    return rows.map((row) => ({ _id: row._id, _creationTime: row._creationTime, name: row.name, value: row.value }));
  },
});
