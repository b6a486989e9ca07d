// Page items of a PaginatedQueryReference are `any` (convex/react's type): the caller's query decides.
/* eslint-disable @typescript-eslint/no-unsafe-assignment, @typescript-eslint/no-unsafe-argument */
import { compareValues, type Value } from '@selfhost/values';
import type { OptimisticLocalStore } from '../browser/sync/optimistic-local-store.ts';
import type { FunctionArgs, FunctionReturnType } from '../server/api/function-reference.ts';
import { matchingPages, type LocalPage } from './matching-pages.ts';
import type {
  PaginatedQueryArgs,
  PaginatedQueryItem,
  PaginatedQueryReference,
} from './paginated-query-reference.ts';

type LoadedPage<TQuery extends PaginatedQueryReference> = {
  args: FunctionArgs<TQuery>;
  value: FunctionReturnType<TQuery>;
};

/**
 * In an optimistic update: inserts `item` where it belongs in a paginated query sorted by
 * `sortKeyFromItem` in `sortOrder` — the same order the server query uses. Items that would land
 * before the first loaded page or after an unfinished last page are left to the server.
 *
 * @example
 * ```ts
 * insertAtPosition({
 *   paginatedQuery: api.tasks.byPriority, sortOrder: 'asc', localQueryStore,
 *   sortKeyFromItem: (t) => [t.priority, t._creationTime], item,
 * });
 * ```
 */
export function insertAtPosition<TQuery extends PaginatedQueryReference>(options: {
  paginatedQuery: TQuery;
  argsToMatch?: Partial<PaginatedQueryArgs<TQuery>>;
  sortOrder: 'asc' | 'desc';
  sortKeyFromItem: (element: PaginatedQueryItem<TQuery>) => Value | Value[];
  localQueryStore: OptimisticLocalStore;
  item: PaginatedQueryItem<TQuery>;
}): void {
  const { paginatedQuery, argsToMatch, localQueryStore } = options;
  // One group of pages per usePaginatedQuery: same args, same pagination id.
  const groups = new Map<string, LocalPage<TQuery>[]>();
  for (const page of matchingPages(localQueryStore, paginatedQuery, argsToMatch)) {
    const key = JSON.stringify(
      Object.entries(page.args as Record<string, unknown>).map(([k, v]) => [
        k,
        k === 'paginationOpts' ? (v as { id?: number }).id : v,
      ]),
      (_k, v: unknown) => (typeof v === 'bigint' ? `${v}n` : v),
    );
    groups.set(key, [...(groups.get(key) ?? []), page]);
  }
  for (const pages of groups.values()) insertIntoGroup(pages, options);
}

function insertIntoGroup<TQuery extends PaginatedQueryReference>(
  pages: LocalPage<TQuery>[],
  options: Parameters<typeof insertAtPosition<TQuery>>[0],
): void {
  const { paginatedQuery, sortOrder, sortKeyFromItem, localQueryStore, item } = options;
  // > 0 when `a` sorts after `b` in the query's order.
  const order = (a: Value | Value[], b: Value | Value[]) =>
    sortOrder === 'asc' ? compareValues(a, b) : compareValues(b, a);
  const key = sortKeyFromItem(item);
  const loaded = pages
    .filter(
      (page): page is LoadedPage<TQuery> => page.value !== undefined && page.value.page.length > 0,
    )
    .sort((a, b) => order(sortKeyFromItem(a.value.page[0]), sortKeyFromItem(b.value.page[0])));
  const first = loaded[0];
  const last = loaded[loaded.length - 1];
  if (first === undefined || last === undefined) return;
  const set = (page: LoadedPage<TQuery>, items: PaginatedQueryItem<TQuery>[]) =>
    localQueryStore.setQuery(paginatedQuery, page.args, { ...page.value, page: items });

  if (order(key, sortKeyFromItem(first.value.page[0])) <= 0) {
    // Before everything loaded: only the true first page may take it.
    if (first.args.paginationOpts.cursor === null) set(first, [item, ...first.value.page]);
    return;
  }
  if (order(key, sortKeyFromItem(last.value.page[last.value.page.length - 1])) >= 0) {
    if (last.value.isDone) set(last, [...last.value.page, item]);
    return;
  }
  // The page before the first page that starts after the item.
  const successor = loaded.findIndex((page) => order(sortKeyFromItem(page.value.page[0]), key) > 0);
  const target = successor === -1 ? last : loaded[successor - 1];
  if (target === undefined) return;
  const index = target.value.page.findIndex(
    (element: PaginatedQueryItem<TQuery>) => order(sortKeyFromItem(element), key) >= 0,
  );
  const items =
    index === -1
      ? [...target.value.page, item]
      : [...target.value.page.slice(0, index), item, ...target.value.page.slice(index)];
  set(target, items);
}
