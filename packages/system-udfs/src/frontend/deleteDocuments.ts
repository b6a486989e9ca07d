import { mutation } from '@selfhost/client/server';
import { v, type GenericId } from '@selfhost/client/values';

const maxDeletions = 4_096;

/** `_system/frontend/deleteDocuments`: deletes the selected documents. */
export default mutation({
  args: { toDelete: v.array(v.object({ id: v.string(), tableName: v.string() })) },
  returns: v.union(v.object({ success: v.literal(true) }), v.object({ success: v.literal(false), error: v.string() })),
  handler: async (ctx, { toDelete }) => {
    if (toDelete.length > maxDeletions) {
      return { success: false as const, error: `Delete at most ${maxDeletions} documents at once: select fewer.` };
    }
    for (const { id } of toDelete) await ctx.db.delete(id as GenericId<string>);
    return { success: true as const };
  },
});
