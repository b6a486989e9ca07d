import { queryGeneric } from 'convex/server';
import { v } from 'convex/values';

/**
 * The trivial query of the HTTP benchmark: no reads, a constant result. `n` only makes
 * requests distinct, to measure executions the query cache cannot answer.
 */
export const trivial = queryGeneric({ args: { n: v.optional(v.number()) }, handler: () => Promise.resolve('ok') });
