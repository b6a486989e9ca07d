import { ConvexError, type Value } from '@selfhost/values';
import type { FunctionReference } from '../server/api/function-reference.ts';
import type { PaginationResult } from '../server/pagination/pagination.ts';

type PageArgs = Record<string, Value> & {
  paginationOpts: {
    numItems: number;
    cursor: string | null;
    endCursor?: string | null;
    id: number;
  };
};

/**
 * The pages one {@link usePaginatedQuery} call holds. Each page is its own query subscription,
 * keyed by a number; `pageKeys` lists them in order. A page that grew too big is being replaced
 * by two (`ongoingSplits`) which take its place once both have results.
 *
 * @example
 * ```ts
 * const state = initialPaginationState({ query, args: {}, id: 1, initialNumItems: 10, skip: false });
 * ```
 */
export type PaginationState = {
  readonly query: FunctionReference<'query'>;
  readonly args: Record<string, Value>;
  readonly id: number;
  readonly nextPageKey: number;
  readonly pageKeys: readonly number[];
  readonly queries: Readonly<Record<number, { query: FunctionReference<'query'>; args: PageArgs }>>;
  readonly ongoingSplits: Readonly<Record<number, readonly [number, number]>>;
  readonly skip: boolean;
};

/**
 * A change the hook must make to its state after looking at the results.
 *
 * @example
 * ```ts
 * const action: PaginationAction = { type: 'reset', reason: 'InvalidCursor' };
 * ```
 */
export type PaginationAction =
  | {
      readonly type: 'split';
      readonly pageKey: number;
      readonly splitCursor: string;
      readonly continueCursor: string;
    }
  | { readonly type: 'completeSplit'; readonly pageKey: number }
  | { readonly type: 'reset'; readonly reason: string };

/**
 * The first page only (or nothing when skipped), starting at cursor `null`.
 *
 * @example
 * ```ts
 * initialPaginationState({ query, args: { channel: 'a' }, id: 1, initialNumItems: 5, skip: false }).queries[0];
 * ```
 */
export function initialPaginationState(options: {
  query: FunctionReference<'query'>;
  args: Record<string, Value>;
  id: number;
  initialNumItems: number;
  skip: boolean;
}): PaginationState {
  const { query, args, id, initialNumItems, skip } = options;
  return {
    query,
    args,
    id,
    nextPageKey: 1,
    pageKeys: skip ? [] : [0],
    queries: skip
      ? {}
      : {
          0: {
            query,
            args: { ...args, paginationOpts: { numItems: initialNumItems, cursor: null, id } },
          },
        },
    ongoingSplits: {},
    skip,
  };
}

/**
 * Adds the next page, starting where the last one ended.
 *
 * @example
 * ```ts
 * state = loadMorePage(state, { numItems: 10, cursor: last.continueCursor });
 * ```
 */
export function loadMorePage(
  state: PaginationState,
  page: { numItems: number; cursor: string },
): PaginationState {
  const key = state.nextPageKey;
  return {
    ...state,
    nextPageKey: key + 1,
    pageKeys: [...state.pageKeys, key],
    queries: {
      ...state.queries,
      [key]: {
        query: state.query,
        args: {
          ...state.args,
          paginationOpts: { numItems: page.numItems, cursor: page.cursor, id: state.id },
        },
      },
    },
  };
}

/**
 * Applies a {@link PaginationAction}. `reset` is the caller's (it needs a new pagination id).
 *
 * @example
 * ```ts
 * state = applyPaginationAction(state, { type: 'split', pageKey: 0, splitCursor: 'c5', continueCursor: 'c10' });
 * ```
 */
export function applyPaginationAction(
  state: PaginationState,
  action: Exclude<PaginationAction, { type: 'reset' }>,
): PaginationState {
  switch (action.type) {
    case 'split': {
      const page = state.queries[action.pageKey];
      if (page === undefined || state.ongoingSplits[action.pageKey] !== undefined) return state;
      const first = state.nextPageKey;
      const second = first + 1;
      const opts = page.args.paginationOpts;
      return {
        ...state,
        nextPageKey: second + 1,
        queries: {
          ...state.queries,
          // The two halves: [cursor, splitCursor) and [splitCursor, continueCursor).
          [first]: {
            query: state.query,
            args: { ...state.args, paginationOpts: { ...opts, endCursor: action.splitCursor } },
          },
          [second]: {
            query: state.query,
            args: {
              ...state.args,
              paginationOpts: {
                ...opts,
                cursor: action.splitCursor,
                endCursor: action.continueCursor,
              },
            },
          },
        },
        ongoingSplits: { ...state.ongoingSplits, [action.pageKey]: [first, second] },
      };
    }
    case 'completeSplit': {
      const halves = state.ongoingSplits[action.pageKey];
      if (halves === undefined) return state;
      const queries = { ...state.queries };
      delete queries[action.pageKey];
      const ongoingSplits = { ...state.ongoingSplits };
      delete ongoingSplits[action.pageKey];
      const index = state.pageKeys.indexOf(action.pageKey);
      const pageKeys =
        index < 0
          ? state.pageKeys
          : [...state.pageKeys.slice(0, index), ...halves, ...state.pageKeys.slice(index + 1)];
      return { ...state, queries, ongoingSplits, pageKeys };
    }
    default:
      action satisfies never;
      return state;
  }
}

function isInvalidCursor(error: Error): boolean {
  if (error.message.includes('InvalidCursor')) return true;
  if (!(error instanceof ConvexError)) return false;
  const data: unknown = error.data;
  return (
    typeof data === 'object' &&
    data !== null &&
    (data as { isConvexSystemError?: unknown }).isConvexSystemError === true &&
    (data as { paginationError?: unknown }).paginationError === 'InvalidCursor'
  );
}

/**
 * Reads the page results in order: the items up to the first page still loading, the last
 * page's result (its `isDone`/`continueCursor` drive the status; `undefined` while loading), an
 * error, and the state changes due: split a page the server says is too big (or holding more
 * than twice `initialNumItems`), swap in split halves once both loaded, or start over on an
 * invalid cursor (the data under the cursors changed).
 *
 * @example
 * ```ts
 * const view = readPages(state, useQueries(state.queries), { initialNumItems: 10 });
 * ```
 */
export function readPages(
  state: PaginationState,
  results: Readonly<Record<string, unknown>>,
  options: { initialNumItems: number },
): {
  items: Value[];
  lastPage: PaginationResult<Value> | undefined;
  error: Error | undefined;
  actions: PaginationAction[];
} {
  const items: Value[] = [];
  const actions: PaginationAction[] = [];
  let lastPage: PaginationResult<Value> | undefined;
  for (const pageKey of state.pageKeys) {
    const result = results[pageKey];
    lastPage = undefined;
    if (result === undefined) break;
    if (result instanceof Error) {
      if (isInvalidCursor(result))
        return {
          items: [],
          lastPage: undefined,
          error: undefined,
          actions: [{ type: 'reset', reason: result.message }],
        };
      return { items, lastPage: undefined, error: result, actions };
    }
    const page = result as PaginationResult<Value>;
    const split = state.ongoingSplits[pageKey];
    if (split !== undefined) {
      if (results[split[0]] !== undefined && results[split[1]] !== undefined)
        actions.push({ type: 'completeSplit', pageKey });
    } else if (
      page.splitCursor &&
      (page.pageStatus === 'SplitRecommended' ||
        page.pageStatus === 'SplitRequired' ||
        page.page.length > options.initialNumItems * 2)
    ) {
      actions.push({
        type: 'split',
        pageKey,
        splitCursor: page.splitCursor,
        continueCursor: page.continueCursor,
      });
    }
    // The server could not read the whole page: show what is before it and wait for the split.
    if (page.pageStatus === 'SplitRequired')
      return { items, lastPage: undefined, error: undefined, actions };
    items.push(...page.page);
    lastPage = page;
  }
  return { items, lastPage, error: undefined, actions };
}
