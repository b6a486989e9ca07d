import { query } from '@selfhost/client/server';
import { v } from '@selfhost/client/values';

/** `npx convex import` status. Imports are not built yet, so no import ever exists. */
export default query({
  args: { importId: v.string() },
  handler: () => Promise.resolve(null),
});

/** `npx convex import` checks for running imports first: there are none. */
export const list = query({
  args: {},
  handler: () => Promise.resolve([]),
});
