import { query } from '@selfhost/client/server';
import { v } from '@selfhost/client/values';
import { readDeployment } from './lib/deployment-document.ts';

/** `_system/frontend/getVersion`: the `convex` version the deployed code was built with, or null. */
export default query({
  args: {},
  returns: v.union(v.string(), v.null()),
  handler: async (ctx) => (await readDeployment(ctx.db))?.udfServerVersion ?? null,
});
