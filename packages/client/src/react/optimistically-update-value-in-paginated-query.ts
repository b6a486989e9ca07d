import { convexToJson, type Value } from '@selfhost/values';
import type { OptimisticLocalStore } from '../browser/sync/optimistic-local-store.ts';
import type {
  PaginatedQueryArgs,
  PaginatedQueryItem,
  PaginatedQueryReference,
} from './paginated-query-reference.ts';

/**
 * In an optimistic update: replaces every loaded item of a paginated query (all pages of every
 * {@link usePaginatedQuery} with these `args`) by `updateValue(item)`.
 *
 * @example
 * ```ts
 * useMutation(api.tasks.complete).withOptimisticUpdate((store, { id }) =>
 *   optimisticallyUpdateValueInPaginatedQuery(store, api.tasks.list, {}, (t) => (t._id === id ? { ...t, done: true } : t)),
 * );
 * ```
 */
// eslint-disable-next-line max-params -- convex/react's public signature
export function optimisticallyUpdateValueInPaginatedQuery<TQuery extends PaginatedQueryReference>(
  localStore: OptimisticLocalStore,
  query: TQuery,
  args: PaginatedQueryArgs<TQuery>,
  updateValue: (currentValue: PaginatedQueryItem<TQuery>) => PaginatedQueryItem<TQuery>,
): void {
  const expected = JSON.stringify(convexToJson(args as Value));
  for (const { args: pageArgs, value } of localStore.getAllQueries(query)) {
    if (value === undefined) continue;
    const { paginationOpts: _, ...rest } = pageArgs;
    if (JSON.stringify(convexToJson(rest as Value)) !== expected) continue;
    if (typeof value === 'object' && value !== null && Array.isArray(value.page)) {
      localStore.setQuery(query, pageArgs, { ...value, page: value.page.map(updateValue) });
    }
  }
}
