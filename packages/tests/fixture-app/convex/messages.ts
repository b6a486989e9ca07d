import { internalMutationGeneric, internalQueryGeneric, mutationGeneric, queryGeneric } from 'convex/server';
import { v } from 'convex/values';

/** A trivial query (the benchmark's workload too). */
export const ping = queryGeneric({ args: {}, handler: () => Promise.resolve('pong') });

export const list = queryGeneric({
  args: { author: v.optional(v.string()) },
  handler: async (ctx, { author }) => {
    const messages =
      author === undefined ? ctx.db.query('messages') : ctx.db.query('messages').withIndex('by_author', (q) => q.eq('author', author));
    const page: unknown[] = await messages.collect();
    return page;
  },
});

export const send = mutationGeneric({
  args: { author: v.string(), body: v.string() },
  handler: async (ctx, { author, body }) => {
    console.log(`send from ${author}: ${body}`);
    return await ctx.db.insert('messages', { author, body });
  },
});

/** Counts the messages; internal, so only an admin (`convex run`) may call it. */
export const count = internalQueryGeneric({
  args: {},
  handler: async (ctx) => (await ctx.db.query('messages').collect()).length,
});

/** Inserts a row that breaks the schema once `likes` becomes required (deploy tests). */
export const insertWithoutLikes = internalMutationGeneric({
  args: { author: v.string() },
  handler: async (ctx, { author }) => await ctx.db.insert('messages', { author, body: 'no likes' }),
});

/**
 * Spins the CPU for `spin` rounds, then records `name` once: a mutation that stays in flight
 * long enough to be caught by a shutdown (shutdown tests).
 */
export const slowRecord = mutationGeneric({
  args: { name: v.string(), spin: v.number() },
  handler: async (ctx, { name, spin }) => {
    let x = 0;
    for (let i = 0; i < spin; i += 1) x = (x * 31 + i) % 1_000_003;
    await ctx.db.insert('counters', { name, value: x });
    return name;
  },
});

/** How many times `name` was recorded. */
export const recorded = queryGeneric({
  args: { name: v.string() },
  handler: async (ctx, { name }) =>
    (
      await ctx.db
        .query('counters')
        .withIndex('by_name', (q) => q.eq('name', name))
        .collect()
    ).length,
});
