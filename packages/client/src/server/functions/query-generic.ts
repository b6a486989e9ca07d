// `any` is the data model of these untyped builders: the generated `query`/`internalQuery`
// narrow it to the app's data model, exactly as with convex/server.
/* eslint-disable @typescript-eslint/no-explicit-any */
import type { QueryBuilder } from './function-builders.ts';
import { functionBuilder } from './register-function.ts';

/**
 * Defines a query in the app's public API: it reads the database and clients can subscribe to
 * it. The generated `query` in `_generated/server` is this function with your data model's types.
 *
 * @example
 * ```ts
 * export const list = queryGeneric({
 *   args: { channel: v.string() },
 *   handler: async (ctx, { channel }) =>
 *     await ctx.db.query('messages').withIndex('by_channel', (q) => q.eq('channel', channel)).collect(),
 * });
 * ```
 */
export const queryGeneric: QueryBuilder<any, 'public'> = functionBuilder({
  kind: 'query',
  visibility: 'public',
  builderName: 'query',
});

/**
 * Defines a query that only other functions can call (`ctx.runQuery(internal.x.y)`), not clients.
 *
 * @example
 * ```ts
 * export const byEmail = internalQueryGeneric({
 *   args: { email: v.string() },
 *   handler: (ctx, { email }) => ctx.db.query('users').withIndex('by_email', (q) => q.eq('email', email)).unique(),
 * });
 * ```
 */
export const internalQueryGeneric: QueryBuilder<any, 'internal'> = functionBuilder({
  kind: 'query',
  visibility: 'internal',
  builderName: 'internalQuery',
});
