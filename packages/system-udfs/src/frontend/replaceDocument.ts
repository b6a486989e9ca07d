import { mutation } from '@selfhost/client/server';
import { v, type GenericId, type Value } from '@selfhost/client/values';
import { writableUserTables } from './lib/user-tables.ts';
import { rethrowAsConvexError } from './lib/rethrow-as-convex-error.ts';

/** `_system/frontend/replaceDocument`: replaces one document (the edit dialog's save). */
export default mutation({
  args: { id: v.string(), document: v.any() },
  returns: v.union(v.object({ success: v.literal(true) }), v.object({ success: v.literal(false), error: v.string() })),
  handler: async (ctx, { id, document }) => {
    const db = writableUserTables(ctx.db);
    const existing = await db.get(id as GenericId<string>);
    if (existing === null) return { success: false as const, error: 'Document does not exist.' };
    await rethrowAsConvexError(() => db.replace(id as GenericId<string>, document as Record<string, Value>));
    return { success: true as const };
  },
});
