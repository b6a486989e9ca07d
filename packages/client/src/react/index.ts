// @selfhost/client/react: the same names as convex/react. The core is @selfhost/client/browser;
// this adds the React client, its provider and one hook per file.
export { ConvexReactClient } from './convex-react-client.ts';
export type {
  ConvexReactClientOptions,
  MutationOptions,
  Watch,
  WatchQueryOptions,
} from './convex-react-client.ts';
export { ConvexProvider } from './convex-provider.ts';
export { useConvex } from './use-convex.ts';
export { useQuery } from './use-query.ts';
export type { OptionalRestArgsOrSkip } from './use-query.ts';
export { useQuery_experimental } from './use-query-experimental.ts';
export type { UseQueryResult } from './use-query-experimental.ts';
export { useQueries } from './use-queries.ts';
export type { RequestForQueries } from './use-queries.ts';
export { useMutation } from './use-mutation.ts';
export type { ReactMutation } from './react-mutation.ts';
export { useAction } from './use-action.ts';
export type { ReactAction } from './use-action.ts';
export { usePaginatedQuery, resetPaginationId } from './use-paginated-query.ts';
export type {
  PaginatedQueryArgs,
  PaginatedQueryItem,
  PaginatedQueryReference,
  PaginationStatus,
  UsePaginatedQueryResult,
  UsePaginatedQueryReturnType,
} from './paginated-query-reference.ts';
export { optimisticallyUpdateValueInPaginatedQuery } from './optimistically-update-value-in-paginated-query.ts';
export { insertAtTop } from './insert-at-top.ts';
export { insertAtBottomIfLoaded } from './insert-at-bottom-if-loaded.ts';
export { insertAtPosition } from './insert-at-position.ts';
export { useConvexConnectionState } from './use-convex-connection-state.ts';
export { usePreloadedQuery } from './use-preloaded-query.ts';
export type { Preloaded } from './use-preloaded-query.ts';
export type { ConvexAuthState } from './convex-auth-context.ts';
export { useConvexAuth } from './use-convex-auth.ts';
export { ConvexProviderWithAuth } from './convex-provider-with-auth.ts';
export { Authenticated } from './authenticated.ts';
export { Unauthenticated } from './unauthenticated.ts';
export { AuthLoading } from './auth-loading.ts';
export { AuthRefreshing } from './auth-refreshing.ts';
export type { AuthTokenFetcher } from '../browser/sync/auth-token-fetcher.ts';
export type { QueryOptions } from '../browser/query-options.ts';
/** @internal */
export { convexQueryOptions } from '../browser/query-options.ts';
/** @internal */
export { useSubscription } from './use-subscription.ts';
