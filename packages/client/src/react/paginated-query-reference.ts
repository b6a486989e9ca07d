// The reference types mirror convex/react's exactly, `any` included.
/* eslint-disable @typescript-eslint/no-explicit-any */
import type {
  FunctionArgs,
  FunctionReference,
  FunctionReturnType,
} from '../server/api/function-reference.ts';
import type { PaginationOptions, PaginationResult } from '../server/pagination/pagination.ts';
import type { BetterOmit, Expand } from '../server/type-utils.ts';

/**
 * A public query usable with {@link usePaginatedQuery}: it takes `paginationOpts` and returns a
 * {@link PaginationResult}.
 *
 * @example
 * ```ts
 * function useList<TQuery extends PaginatedQueryReference>(query: TQuery) {}
 * ```
 */
export type PaginatedQueryReference = FunctionReference<
  'query',
  'public',
  { paginationOpts: PaginationOptions },
  PaginationResult<any>
>;

/**
 * The arguments of a paginated query without `paginationOpts` (the hook adds it).
 *
 * @example
 * ```ts
 * type Args = PaginatedQueryArgs<typeof api.messages.list>; // { channel: string }
 * ```
 */
export type PaginatedQueryArgs<TQuery extends PaginatedQueryReference> = Expand<
  BetterOmit<FunctionArgs<TQuery>, 'paginationOpts'>
>;

/**
 * The type of one item of a paginated query's pages.
 *
 * @example
 * ```ts
 * type Message = PaginatedQueryItem<typeof api.messages.list>;
 * ```
 */
export type PaginatedQueryItem<TQuery extends PaginatedQueryReference> =
  FunctionReturnType<TQuery>['page'][number];

/**
 * What {@link usePaginatedQuery} returns: the items loaded so far, the status, and `loadMore`.
 *
 * @example
 * ```ts
 * const { results, status, loadMore } = usePaginatedQuery(api.messages.list, {}, { initialNumItems: 10 });
 * if (status === 'CanLoadMore') loadMore(10);
 * ```
 */
export type UsePaginatedQueryResult<TItem> = {
  results: TItem[];
  /** Loads `numItems` more; only does something while the status is `CanLoadMore`. */
  loadMore: (numItems: number) => void;
} & (
  | { status: 'LoadingFirstPage'; isLoading: true }
  | { status: 'CanLoadMore'; isLoading: false }
  | { status: 'LoadingMore'; isLoading: true }
  | { status: 'Exhausted'; isLoading: false }
);

/**
 * The statuses of {@link UsePaginatedQueryResult}.
 *
 * @example
 * ```ts
 * const busy = (status: PaginationStatus) => status === 'LoadingMore';
 * ```
 */
export type PaginationStatus = UsePaginatedQueryResult<any>['status'];

/**
 * What {@link usePaginatedQuery} returns for `TQuery`.
 *
 * @example
 * ```ts
 * const list: UsePaginatedQueryReturnType<typeof api.messages.list> = usePaginatedQuery(api.messages.list, {}, { initialNumItems: 5 });
 * ```
 */
export type UsePaginatedQueryReturnType<TQuery extends PaginatedQueryReference> =
  UsePaginatedQueryResult<PaginatedQueryItem<TQuery>>;
