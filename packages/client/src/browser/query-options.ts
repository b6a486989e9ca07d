import type {
  FunctionArgs,
  FunctionReference,
  FunctionReference_future,
} from '../server/api/function-reference.ts';

/**
 * A query and its arguments in one object (the object form of `useQuery`, `prewarmQuery`).
 *
 * @example
 * ```ts
 * const options: QueryOptions<typeof api.messages.list> = { query: api.messages.list, args: {} };
 * ```
 */
export type QueryOptions<
  TQuery extends FunctionReference<'query'> | FunctionReference_future<'query'>,
> = {
  query: TQuery;
  args: FunctionArgs<TQuery>;
};

/**
 * Returns its argument, typed: lets TypeScript infer `TQuery` for a {@link QueryOptions}.
 *
 * @internal
 * @example
 * ```ts
 * client.prewarmQuery(convexQueryOptions({ query: api.users.get, args: { id } }));
 * ```
 */
export function convexQueryOptions<
  TQuery extends FunctionReference<'query'> | FunctionReference_future<'query'>,
>(options: QueryOptions<TQuery>): QueryOptions<TQuery> {
  return options;
}
