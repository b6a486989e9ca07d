import { query } from '@selfhost/client/server';
import { v } from '@selfhost/client/values';
import { schemaByState } from './lib/schema-json.ts';

/**
 * `_system/frontend/getSchemas`: the active schema and the one being pushed (validated or
 * pending), each as the schema's JSON text (compat §4.5), or absent.
 */
export default query({
  args: { componentId: v.optional(v.union(v.string(), v.null())) },
  returns: v.object({ active: v.optional(v.string()), inProgress: v.optional(v.string()) }),
  handler: async (ctx) => {
    const active = await schemaByState(ctx.db, 'active');
    const inProgress = (await schemaByState(ctx.db, 'pending')) ?? (await schemaByState(ctx.db, 'validated'));
    return {
      ...(active === null ? {} : { active: active.schema }),
      ...(inProgress === null ? {} : { inProgress: inProgress.schema }),
    };
  },
});
