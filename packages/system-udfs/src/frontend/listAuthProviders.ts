import { query } from '@selfhost/client/server';
import { v } from '@selfhost/client/values';
import { readDeployment } from './lib/deployment-document.ts';

/** `_system/frontend/listAuthProviders`: the auth providers of `auth.config.ts` as last pushed (none without one). */
export default query({
  args: {},
  returns: v.array(v.any()),
  handler: async (ctx): Promise<unknown[]> => {
    const deployment = await readDeployment(ctx.db);
    // `authConfig` is null (or absent) when the app has no auth.config.ts.
    if (deployment === null || typeof deployment.authConfig !== 'string' || deployment.authConfig === '') return [];
    const parsed = JSON.parse(deployment.authConfig) as unknown;
    // Stored either as the provider list or as the whole `{ providers }` config.
    if (Array.isArray(parsed)) return parsed as unknown[];
    const providers = (parsed as { providers?: unknown } | null)?.providers;
    return Array.isArray(providers) ? (providers as unknown[]) : [];
  },
});
