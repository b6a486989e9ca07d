import { query } from '@selfhost/client/server';

/** The deployment's public API URL (`npx convex network-test`, `function-spec`). */
export const cloudUrl = query({
  args: {},
  handler: () => Promise.resolve(process.env.CONVEX_CLOUD_URL ?? null),
});
