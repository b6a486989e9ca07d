// @selfhost/client/browser: the same names as convex/browser.
export { BaseConvexClient } from './sync/base-convex-client.ts';
export type {
  BaseConvexClientOptions,
  MutationOptions,
  SubscribeOptions,
} from './sync/base-convex-client-options.ts';
export type { ConnectionState } from './sync/connection-state.ts';
export type { AuthTokenFetcher } from './sync/auth-token-fetcher.ts';
export type { PaginationStatus } from './sync/pagination-status.ts';
export { ConvexClient } from './convex-client.ts';
export type { ConvexClientOptions, Unsubscribe } from './convex-client.ts';
export type { OptimisticUpdate, OptimisticLocalStore } from './sync/optimistic-local-store.ts';
export type { QueryToken } from './sync/query-token.ts';
export { ConvexHttpClient } from './http/convex-http-client.ts';
export type { HttpMutationOptions } from './http/convex-http-client.ts';
export type { QueryJournal } from './sync/local-query-set.ts';
export type { FunctionResult } from './sync/function-result.ts';
export type { QueryOptions } from './query-options.ts';
/** @internal */
export { convexQueryOptions } from './query-options.ts';
/** @internal */
export type { UserIdentityAttributes } from '@selfhost/protocol';
export type { Transition, QueryModification } from './sync/client-transition.ts';
export type { Logger } from './logging/logger.ts';
