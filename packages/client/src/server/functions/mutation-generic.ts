// `any` is the data model of these untyped builders: the generated `mutation`/`internalMutation`
// narrow it to the app's data model, exactly as with convex/server.
/* eslint-disable @typescript-eslint/no-explicit-any */
import type { MutationBuilder } from './function-builders.ts';
import { functionBuilder } from './register-function.ts';

/**
 * Defines a mutation in the app's public API: it reads and writes the database in one
 * transaction. The generated `mutation` in `_generated/server` is this function with your data
 * model's types.
 *
 * @example
 * ```ts
 * export const send = mutationGeneric({
 *   args: { body: v.string() },
 *   handler: async (ctx, { body }) => await ctx.db.insert('messages', { body }),
 * });
 * ```
 */
export const mutationGeneric: MutationBuilder<any, 'public'> = functionBuilder({
  kind: 'mutation',
  visibility: 'public',
  builderName: 'mutation',
});

/**
 * Defines a mutation that only other functions and the scheduler can call, not clients.
 *
 * @example
 * ```ts
 * export const markDone = internalMutationGeneric({
 *   args: { id: v.id('tasks') },
 *   handler: async (ctx, { id }) => await ctx.db.patch('tasks', id, { done: true }),
 * });
 * ```
 */
export const internalMutationGeneric: MutationBuilder<any, 'internal'> = functionBuilder({
  kind: 'mutation',
  visibility: 'internal',
  builderName: 'internalMutation',
});
