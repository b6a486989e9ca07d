import { query } from '@selfhost/client/server';

/**
 * `npx convex export` polls this for its snapshot. Snapshot exports are not built yet, so
 * there is never one; the export route refuses the request with a message that says so.
 */
export const getLatest = query({
  args: {},
  handler: () => Promise.resolve(null),
});
