import { query } from '@selfhost/client/server';

/** The component tree (`npx convex run --component`): only the root app exists here. */
export const list = query({
  args: {},
  handler: () => Promise.resolve([{ id: '', name: '', path: '', args: {}, state: 'active', httpPrefix: null }]),
});
