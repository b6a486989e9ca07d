// Page items of a PaginatedQueryReference are `any` (convex/react's type): the caller's query decides.
/* eslint-disable @typescript-eslint/no-unsafe-assignment */
import type { OptimisticLocalStore } from '../browser/sync/optimistic-local-store.ts';
import { matchingPages } from './matching-pages.ts';
import type {
  PaginatedQueryArgs,
  PaginatedQueryItem,
  PaginatedQueryReference,
} from './paginated-query-reference.ts';

/**
 * In an optimistic update: puts `item` first in the first page of a paginated query (whatever
 * its sort order), if that page is loaded.
 *
 * @example
 * ```ts
 * useMutation(api.tasks.create).withOptimisticUpdate((localQueryStore, { title }) =>
 *   insertAtTop({ paginatedQuery: api.tasks.list, localQueryStore, item: { _id: crypto.randomUUID(), title } }),
 * );
 * ```
 */
export function insertAtTop<TQuery extends PaginatedQueryReference>(options: {
  paginatedQuery: TQuery;
  argsToMatch?: Partial<PaginatedQueryArgs<TQuery>>;
  localQueryStore: OptimisticLocalStore;
  item: PaginatedQueryItem<TQuery>;
}): void {
  const { paginatedQuery, argsToMatch, localQueryStore, item } = options;
  const first = matchingPages(localQueryStore, paginatedQuery, argsToMatch).find(
    (page) => page.args.paginationOpts.cursor === null,
  );
  // Not loaded yet: leave it to the server.
  if (first?.value === undefined) return;
  localQueryStore.setQuery(paginatedQuery, first.args, {
    ...first.value,
    page: [item, ...first.value.page],
  });
}
