import { v, type Validator, type Value } from '@selfhost/values';

/**
 * The validator of the `paginationOpts` argument of a paginated query (what `usePaginatedQuery`
 * sends).
 *
 * @example
 * ```ts
 * export const list = query({
 *   args: { paginationOpts: paginationOptsValidator },
 *   handler: (ctx, { paginationOpts }) => ctx.db.query('messages').paginate(paginationOpts),
 * });
 * ```
 */
export const paginationOptsValidator = v.object({
  numItems: v.number(),
  cursor: v.union(v.string(), v.null()),
  endCursor: v.optional(v.union(v.string(), v.null())),
  id: v.optional(v.number()),
  maximumRowsRead: v.optional(v.number()),
  maximumBytesRead: v.optional(v.number()),
});

/**
 * The validator of a page of `itemValidator` items, for the `returns` of a paginated query.
 *
 * @example
 * ```ts
 * export const list = query({
 *   args: { paginationOpts: paginationOptsValidator },
 *   returns: paginationResultValidator(v.object({ body: v.string() })),
 *   handler: async (ctx, { paginationOpts }) => { ... },
 * });
 * ```
 */
export function paginationResultValidator<TItem extends Validator<Value, 'required', string>>(
  itemValidator: TItem,
) {
  return v.object({
    page: v.array(itemValidator),
    continueCursor: v.string(),
    isDone: v.boolean(),
    splitCursor: v.optional(v.union(v.string(), v.null())),
    pageStatus: v.optional(
      v.union(v.literal('SplitRecommended'), v.literal('SplitRequired'), v.null()),
    ),
  });
}
