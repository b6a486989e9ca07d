import { query } from '@selfhost/client/server';
import { v } from '@selfhost/client/values';
import { readDeployment } from './lib/deployment-document.ts';

/** `_system/frontend/listAuthProviders`: the auth providers of `auth.config.ts` as last pushed. */
export default query({
  args: {},
  returns: v.array(v.any()),
  handler: async (ctx): Promise<unknown[]> => {
    const deployment = await readDeployment(ctx.db);
    if (deployment === null || deployment.authProviders === '') return [];
    const parsed = JSON.parse(deployment.authProviders) as unknown;
    // Stored either as the provider list or as the whole `{ providers }` config.
    if (Array.isArray(parsed)) return parsed as unknown[];
    const providers = (parsed as { providers?: unknown } | null)?.providers;
    return Array.isArray(providers) ? (providers as unknown[]) : [];
  },
});
