import {
  actionGeneric,
  internalMutationGeneric,
  makeFunctionReference,
  mutationGeneric,
  queryGeneric,
} from 'convex/server';
import { v } from 'convex/values';

// `slow` leaves a row in `runs` when it starts and when it ends; the test releases it with a
// row of its own. The at-most-once test counts the starts.

const recordRef = makeFunctionReference<'mutation', { tag: string; event: string }, null>(
  'runs:record',
);
const eventsRef = makeFunctionReference<'query', { tag: string }, string[]>('runs:events');

export const record = internalMutationGeneric({
  args: { tag: v.string(), event: v.string() },
  handler: async (ctx, args) => {
    await ctx.db.insert('runs', args);
    return null;
  },
});

export const release = mutationGeneric({
  args: { tag: v.string() },
  handler: async (ctx, { tag }) => {
    await ctx.db.insert('runs', { tag, event: 'release' });
    return null;
  },
});

/** The events of one tag, oldest first. */
export const events = queryGeneric({
  args: { tag: v.string() },
  handler: async (ctx, { tag }) => {
    const runs = (await ctx.db
      .query('runs')
      .withIndex('by_tag', (q) => q.eq('tag', tag))
      .collect()) as { event: string }[];
    return runs.map((run) => run.event);
  },
});

/** Records its start, waits (at most about 30 s) until released, records its end. */
export const slow = actionGeneric({
  args: { tag: v.string() },
  handler: async (ctx, { tag }) => {
    await ctx.runMutation(recordRef, { tag, event: 'start' });
    for (let i = 0; i < 600; i++) {
      if ((await ctx.runQuery(eventsRef, { tag })).includes('release')) break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    await ctx.runMutation(recordRef, { tag, event: 'end' });
    return 'done';
  },
});
