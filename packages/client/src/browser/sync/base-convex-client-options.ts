// `any` matches convex/browser's option types.
/* eslint-disable @typescript-eslint/no-explicit-any */
import type { Logger } from '../logging/logger.ts';
import type { QueryJournal } from './local-query-set.ts';
import type { OptimisticUpdate } from './optimistic-local-store.ts';

/**
 * Options of {@link BaseConvexClient} (and of the clients built on it).
 *
 * @example
 * ```ts
 * import WebSocket from 'ws';
 * new BaseConvexClient(url, onTransition, { webSocketConstructor: WebSocket as unknown as typeof globalThis.WebSocket });
 * ```
 */
export interface BaseConvexClientOptions {
  /** Prompt before leaving a page with unsent changes (browsers only). Default `true` there. */
  unsavedChangesWarning?: boolean;
  /** The WebSocket class to use; default: the global `WebSocket` (browsers, Node ≥ 22). */
  webSocketConstructor?: typeof WebSocket;
  /** Log the connection's inner workings. Default `false`. */
  verbose?: boolean;
  /** A logger, `true` (the console, default) or `false` (silent). */
  logger?: Logger | boolean;
  /** Accepted for compatibility; this client sends no metrics. */
  reportDebugInfoToConvex?: boolean;
  /** Called with abnormal close messages from the server (unstable API). */
  onServerDisconnectError?: (message: string) => void;
  /** Skip the check that the URL is a plausible deployment URL. Self-hosted URLs pass it anyway. */
  skipConvexDeploymentUrlCheck?: boolean;
  /** Refresh a token this many seconds before it expires. Default `10`. */
  authRefreshTokenLeewaySeconds?: number;
  /** Hold every request until the first auth token is sent. Default `false`. */
  expectAuth?: boolean;
  /** Keep the first (cached) token instead of fetching a fresh one once it is accepted. */
  initialAuthTokenReuse?: boolean;
}

/**
 * Options of {@link BaseConvexClient.subscribe}.
 *
 * @example
 * ```ts
 * client.subscribe('messages:list', {}, { journal: savedJournal });
 * ```
 */
export interface SubscribeOptions {
  /** A journal from an earlier run of this query; ignored if the query is already subscribed. */
  journal?: QueryJournal;
  /** @internal */
  componentPath?: string | undefined;
}

/**
 * Options of {@link BaseConvexClient.mutation}.
 *
 * @example
 * ```ts
 * await client.mutation('counter:increment', {}, { optimisticUpdate: (store) => {} });
 * ```
 */
export interface MutationOptions {
  /** A local change to query results shown until the mutation's writes arrive. */
  optimisticUpdate?: OptimisticUpdate<any> | undefined;
}
