import { compareValues, type Value } from '@selfhost/values';
import type { OptimisticLocalStore } from '../browser/sync/optimistic-local-store.ts';
import type { FunctionArgs, FunctionReturnType } from '../server/api/function-reference.ts';
import type { PaginatedQueryArgs, PaginatedQueryReference } from './paginated-query-reference.ts';

/**
 * @internal A loaded or loading page of a paginated query in the local store.
 *
 * @example
 * ```ts
 * const pages: LocalPage<typeof api.tasks.list>[] = matchingPages(store, api.tasks.list, { listId });
 * ```
 */
export type LocalPage<TQuery extends PaginatedQueryReference> = {
  args: FunctionArgs<TQuery>;
  value: undefined | FunctionReturnType<TQuery>;
};

/**
 * @internal The pages of `query` whose arguments include `argsToMatch` (all when omitted).
 *
 * @example
 * ```ts
 * matchingPages(store, api.tasks.list, { listId });
 * ```
 */
export function matchingPages<TQuery extends PaginatedQueryReference>(
  store: OptimisticLocalStore,
  query: TQuery,
  argsToMatch: Partial<PaginatedQueryArgs<TQuery>> | undefined,
): LocalPage<TQuery>[] {
  const pages = store.getAllQueries(query);
  if (argsToMatch === undefined) return pages;
  const wanted = Object.entries(argsToMatch as Record<string, Value>);
  return pages.filter((page) =>
    wanted.every(
      ([key, value]) =>
        compareValues(value, (page.args as unknown as Record<string, Value>)[key] as Value) === 0,
    ),
  );
}
