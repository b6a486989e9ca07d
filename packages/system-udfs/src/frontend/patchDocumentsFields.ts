import { mutation } from '@selfhost/client/server';
import { v, type GenericId, type Value } from '@selfhost/client/values';
import { rethrowAsConvexError } from './lib/rethrow-as-convex-error.ts';
import { writableUserTables } from './lib/user-tables.ts';
import { undefinedPlaceholder } from './lib/undefined-placeholder.ts';

/**
 * `_system/frontend/patchDocumentsFields`: sets fields on the given documents (or on every
 * document of the table when `ids` is absent). A field set to the undefined placeholder is
 * removed, since `undefined` cannot travel as an argument.
 */
export default mutation({
  args: { table: v.string(), fields: v.any(), ids: v.optional(v.array(v.string())) },
  returns: v.union(v.object({ success: v.literal(true) }), v.object({ success: v.literal(false), error: v.string() })),
  handler: async (ctx, { table, fields, ids }) => {
    const patch: Record<string, Value | undefined> = {};
    for (const [key, value] of Object.entries(fields as Record<string, Value>)) {
      patch[key] = value === undefinedPlaceholder ? undefined : value;
    }
    const db = writableUserTables(ctx.db);
    const documents =
      ids === undefined ? await db.query(table).collect() : await Promise.all(ids.map((id) => db.get(id as GenericId<string>)));
    await rethrowAsConvexError(async () => {
      for (const document of documents) if (document !== null) await db.patch(document._id, patch);
    });
    return { success: true as const };
  },
});
