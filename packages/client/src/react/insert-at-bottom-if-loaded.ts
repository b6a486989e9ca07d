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
 * In an optimistic update: puts `item` last in the last page of a paginated query — only when
 * that page is loaded (`isDone`), since otherwise it would show up mid-list and then jump away.
 *
 * @example
 * ```ts
 * insertAtBottomIfLoaded({ paginatedQuery: api.tasks.list, localQueryStore, item });
 * ```
 */
export function insertAtBottomIfLoaded<TQuery extends PaginatedQueryReference>(options: {
  paginatedQuery: TQuery;
  argsToMatch?: Partial<PaginatedQueryArgs<TQuery>>;
  localQueryStore: OptimisticLocalStore;
  item: PaginatedQueryItem<TQuery>;
}): void {
  const { paginatedQuery, argsToMatch, localQueryStore, item } = options;
  const last = matchingPages(localQueryStore, paginatedQuery, argsToMatch).find(
    (page) => page.value?.isDone === true,
  );
  if (last?.value === undefined) return;
  localQueryStore.setQuery(paginatedQuery, last.args, {
    ...last.value,
    page: [...last.value.page, item],
  });
}
