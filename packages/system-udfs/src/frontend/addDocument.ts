import { mutation } from '@selfhost/client/server';
import { v, type Value } from '@selfhost/client/values';
import { rethrowAsConvexError } from './lib/rethrow-as-convex-error.ts';

const maxDocuments = 4_096;

/**
 * `_system/frontend/addDocument`: inserts documents into a table, all or none. A schema
 * validation failure comes back as a `ConvexError` with the message.
 */
export default mutation({
  args: { table: v.string(), documents: v.array(v.any()) },
  returns: v.union(v.object({ success: v.literal(true) }), v.object({ success: v.literal(false), error: v.string() })),
  handler: async (ctx, { table, documents }) => {
    if (documents.length > maxDocuments) {
      return { success: false as const, error: `Add at most ${maxDocuments} documents at once.` };
    }
    // A thrown error rolls the whole mutation back, so no partial insert is left behind.
    await rethrowAsConvexError(async () => {
      for (const document of documents) await ctx.db.insert(table, document as Record<string, Value>);
    });
    return { success: true as const };
  },
});
