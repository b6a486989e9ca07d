import { actionGeneric, internalActionGeneric, makeFunctionReference } from 'convex/server';
import { v } from 'convex/values';

const send = makeFunctionReference<'mutation', { author: string; body: string }, string>('messages:send');
const count = makeFunctionReference<'query', Record<string, never>, number>('messages:count');

/** Sends a message through the mutation and reports the count: an action calling both kinds. */
export const sendAndCount = actionGeneric({
  args: { author: v.string(), body: v.string() },
  handler: async (ctx, { author, body }) => {
    await ctx.runMutation(send, { author, body });
    return await ctx.runQuery(count, {});
  },
});

/** Reads an environment variable (set with `convex env set`). */
export const readEnv = internalActionGeneric({
  args: { name: v.string() },
  handler: (_ctx, { name }) => Promise.resolve(process.env[name] ?? null),
});
