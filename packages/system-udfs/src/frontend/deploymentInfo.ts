import { query } from '@selfhost/client/server';
import { v } from '@selfhost/client/values';
import { readDeployment } from './lib/deployment-document.ts';

/**
 * `_system/frontend/deploymentInfo` (selfhost only): the last push — when, and with which
 * `convex` version — or null before the first one. The health page shows it.
 */
export default query({
  args: {},
  returns: v.union(v.object({ udfServerVersion: v.string(), pushedAt: v.number() }), v.null()),
  handler: async (ctx) => {
    const deployment = await readDeployment(ctx.db);
    return deployment === null ? null : { udfServerVersion: deployment.udfServerVersion, pushedAt: deployment.pushedAt };
  },
});
