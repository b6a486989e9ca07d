import { mutation } from '@selfhost/client/server';
import { v } from '@selfhost/client/values';
import { writableUserTables } from './lib/user-tables.ts';

const pageSize = 4_000;

/**
 * `_system/frontend/clearTablePage`: deletes one page of a table, oldest first (so the data
 * page's newest-first view is not invalidated on every page). Call again with
 * `continueCursor` while `hasMore`.
 */
export default mutation({
  args: { tableName: v.string(), cursor: v.union(v.string(), v.null()) },
  returns: v.object({ deleted: v.number(), hasMore: v.boolean(), continueCursor: v.string() }),
  handler: async (ctx, { tableName, cursor }) => {
    const db = writableUserTables(ctx.db);
    const { page, isDone, continueCursor } = await db
      .query(tableName)
      .withIndex('by_creation_time')
      .order('asc')
      // Reads count again when the documents are deleted: stay well under the 8 MiB read limit.
      .paginate({ numItems: pageSize, cursor, maximumBytesRead: 4_000_000 });
    for (const document of page) await db.delete(document._id);
    return { deleted: page.length, hasMore: !isDone, continueCursor };
  },
});
