import { convexToJson, type Value } from '@selfhost/values';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { getFunctionName } from '../server/api/get-function-name.ts';
import type {
  PaginatedQueryArgs,
  PaginatedQueryReference,
  UsePaginatedQueryResult,
  UsePaginatedQueryReturnType,
} from './paginated-query-reference.ts';
import {
  applyPaginationAction,
  initialPaginationState,
  loadMorePage,
  readPages,
  type PaginationState,
} from './paginated-query-state.ts';
import { useConvex } from './use-convex.ts';
import { useQueries } from './use-queries.ts';

let lastPaginationId = 0;

// Every pagination session puts a fresh id into `paginationOpts`, so its pages never share a
// subscription (and journal) with another session's, and a reset really starts over.
function nextPaginationId(): number {
  lastPaginationId += 1;
  return lastPaginationId;
}

/**
 * Restarts pagination ids at 1, so tests know the ids the hook sends.
 *
 * @example
 * ```ts
 * beforeEach(() => resetPaginationId());
 * ```
 */
export function resetPaginationId(): void {
  lastPaginationId = 0;
}

function serialize(args: Record<string, Value>): string {
  return JSON.stringify(convexToJson(args));
}

/**
 * Loads a paginated query as one growing list — each page its own reactive subscription whose
 * end cursor the server keeps fixed (journals), so pages never gap or overlap. A page that grows
 * too large is split in two. New `query`/`args` start over at the first page, as does an
 * `InvalidCursor` error.
 *
 * @example
 * ```ts
 * const { results, status, loadMore } = usePaginatedQuery(api.messages.list, { channel }, { initialNumItems: 20 });
 * ```
 */
export function usePaginatedQuery<TQuery extends PaginatedQueryReference>(
  query: TQuery,
  args: PaginatedQueryArgs<TQuery> | 'skip',
  options: { initialNumItems: number },
): UsePaginatedQueryReturnType<TQuery> {
  const initialNumItems = options?.initialNumItems;
  if (typeof initialNumItems !== 'number' || initialNumItems < 0) {
    throw new Error(
      `\`options.initialNumItems\` must be a positive number. Received \`${String(initialNumItems)}\`.`,
    );
  }
  const skip = args === 'skip';
  const argsObject = (skip ? {} : args) as Record<string, Value>;
  const name = getFunctionName(query);
  const argsKey = serialize(argsObject);
  const createInitialState = useCallback(
    () =>
      initialPaginationState({
        query: query,
        args: argsObject,
        id: nextPaginationId(),
        initialNumItems,
        skip,
      }),
    // Keyed by name and serialized args so inline objects do not restart pagination.
    [argsKey, name, initialNumItems, skip],
  );
  const [state, setState] = useState<PaginationState>(createInitialState);
  let current = state;
  if (
    name !== getFunctionName(state.query) ||
    argsKey !== serialize(state.args) ||
    skip !== state.skip
  ) {
    current = createInitialState();
    setState(current);
  }

  const logger = useConvex().logger;
  const results = useQueries(current.queries);
  const view = useMemo(
    () => readPages(current, results, { initialNumItems }),
    [current, results, initialNumItems],
  );

  useEffect(() => {
    for (const action of view.actions) {
      if (action.type === 'reset') {
        logger.warn(`usePaginatedQuery hit error, resetting pagination state: ${action.reason}`);
        setState(createInitialState());
        return;
      }
      setState((previous) =>
        previous.id === current.id ? applyPaginationAction(previous, action) : previous,
      );
    }
  }, [view.actions, current.id, createInitialState, logger]);

  const status = useMemo((): Omit<UsePaginatedQueryResult<unknown>, 'results'> => {
    const noop = () => {};
    const { lastPage } = view;
    if (lastPage === undefined) {
      return current.nextPageKey === 1
        ? { status: 'LoadingFirstPage', isLoading: true, loadMore: noop }
        : { status: 'LoadingMore', isLoading: true, loadMore: noop };
    }
    if (lastPage.isDone) return { status: 'Exhausted', isLoading: false, loadMore: noop };
    let requested = false;
    return {
      status: 'CanLoadMore',
      isLoading: false,
      loadMore: (numItems: number) => {
        if (requested) return;
        requested = true;
        setState((previous) =>
          previous.id === current.id
            ? loadMorePage(previous, { numItems, cursor: lastPage.continueCursor })
            : previous,
        );
      },
    };
  }, [view, current.nextPageKey, current.id]);

  if (view.error !== undefined) throw view.error;
  return { results: view.items, ...status } as UsePaginatedQueryReturnType<TQuery>;
}
