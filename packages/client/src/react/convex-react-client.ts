// Untyped values flow through here exactly as in convex/react.

import type { UserIdentityAttributes } from '@selfhost/protocol';
import type { Value } from '@selfhost/values';
import type { QueryOptions } from '../browser/query-options.ts';
import type { AuthTokenFetcher } from '../browser/sync/auth-token-fetcher.ts';
import { BaseConvexClient } from '../browser/sync/base-convex-client.ts';
import type { BaseConvexClientOptions } from '../browser/sync/base-convex-client-options.ts';
import type { ConnectionState } from '../browser/sync/connection-state.ts';
import type { QueryJournal } from '../browser/sync/local-query-set.ts';
import type { OptimisticUpdate } from '../browser/sync/optimistic-local-store.ts';
import type { QueryToken } from '../browser/sync/query-token.ts';
import { createLogger, type Logger } from '../browser/logging/logger.ts';
import type {
  ArgsAndOptions,
  FunctionArgs,
  FunctionReference,
  FunctionReference_future,
  FunctionReturnType,
  OptionalRestArgs,
} from '../server/api/function-reference.ts';
import { getFunctionName } from '../server/api/get-function-name.ts';

// How long prewarmQuery keeps a subscription when not told.
const DEFAULT_EXTEND_SUBSCRIPTION_FOR = 5_000;

type QueryReference = FunctionReference<'query'> | FunctionReference_future<'query'>;

/**
 * A stateless handle on one query: `onUpdate` subscribes, `localQueryResult` reads what is loaded.
 *
 * @example
 * ```ts
 * const watch = client.watchQuery(api.messages.list, {});
 * const stop = watch.onUpdate(() => console.log(watch.localQueryResult()));
 * ```
 */
export interface Watch<TValue> {
  /** Subscribes; `callback` runs whenever the result changes. Returns the unsubscribe function. */
  onUpdate(callback: () => void): () => void;
  /** The loaded result, `undefined` while loading; throws if the query failed. */
  localQueryResult(): TValue | undefined;
  /** @internal */
  localQueryLogs(): string[] | undefined;
  /** The query's current journal, `undefined` before its first result. */
  journal(): QueryJournal | undefined;
}

/**
 * Options of {@link ConvexReactClient.watchQuery}.
 *
 * @example
 * ```ts
 * client.watchQuery(api.messages.list, {}, { journal });
 * ```
 */
export interface WatchQueryOptions {
  /** A journal from an earlier run; ignored if the query is already subscribed. */
  journal?: QueryJournal;
  /** @internal */
  componentPath?: string;
}

/**
 * Options of {@link ConvexReactClient.mutation}.
 *
 * @example
 * ```ts
 * await client.mutation(api.counter.increment, {}, { optimisticUpdate: (store) => {} });
 * ```
 */
export interface MutationOptions<TArgs extends Record<string, Value>> {
  /** A local change to query results shown until the mutation's writes arrive. */
  optimisticUpdate?: OptimisticUpdate<TArgs> | undefined;
}

/**
 * Options of {@link ConvexReactClient}: those of the base client.
 *
 * @example
 * ```ts
 * new ConvexReactClient(url, { verbose: true });
 * ```
 */
export interface ConvexReactClientOptions extends BaseConvexClientOptions {
  /** @internal Use this client instead of creating one. */
  baseClient?: BaseConvexClient;
}

/**
 * The client React apps create once and pass to {@link ConvexProvider}. It opens its WebSocket
 * lazily (on first use), so creating one during server rendering is harmless.
 *
 * @example
 * ```ts
 * const convex = new ConvexReactClient(import.meta.env.VITE_CONVEX_URL);
 * root.render(createElement(ConvexProvider, { client: convex }, createElement(App)));
 * ```
 */
export class ConvexReactClient {
  readonly #address: string;
  readonly #options: ConvexReactClientOptions;
  readonly #logger: Logger;
  #sync: BaseConvexClient | undefined;
  #listeners = new Map<QueryToken, Set<() => void>>();
  #closed = false;
  #adminAuth: { token: string; identity: UserIdentityAttributes | undefined } | undefined;

  /**
   * @param address The deployment URL, e.g. `http://127.0.0.1:3210`.
   * @param options See {@link ConvexReactClientOptions}.
   */
  constructor(address: string, options?: ConvexReactClientOptions) {
    if (address === undefined) {
      throw new Error(
        'No address provided to ConvexReactClient.\n' +
          'If trying to deploy to production, make sure to follow all the instructions found at https://docs.convex.dev/production/hosting/\n' +
          'If running locally, make sure to run `convex dev` and ensure the .env.local file is populated.',
      );
    }
    if (typeof address !== 'string') {
      throw new Error(
        `ConvexReactClient requires a URL like 'https://happy-otter-123.convex.cloud', received something of type ${typeof address} instead.`,
      );
    }
    if (!address.includes('://')) throw new Error('Provided address was not an absolute URL.');
    this.#address = address;
    this.#logger = createLogger(options ?? {});
    this.#options = { ...options, logger: this.#logger };
  }

  /** The deployment URL. */
  get url(): string {
    return this.#address;
  }

  /** The logger this client prints with. */
  get logger(): Logger {
    return this.#logger;
  }

  /** @internal The base client, created on first use. */
  get sync(): BaseConvexClient {
    if (this.#closed) throw new Error('ConvexReactClient has already been closed.');
    if (this.#sync !== undefined) return this.#sync;
    const sync =
      this.#options.baseClient ??
      new BaseConvexClient(this.#address, (tokens) => this.#notify(tokens), this.#options);
    if (this.#options.baseClient !== undefined)
      sync.addOnTransitionHandler((t) => this.#notify(t.queries.map((q) => q.token)));
    this.#sync = sync;
    if (this.#adminAuth !== undefined)
      sync.setAdminAuth(this.#adminAuth.token, this.#adminAuth.identity);
    return sync;
  }

  /** Authenticates with tokens from `fetchToken`; see `BaseConvexClient.setAuth`. */
  setAuth(
    fetchToken: AuthTokenFetcher,
    onChange?: (isAuthenticated: boolean) => void,
    onRefreshChange?: (isRefreshing: boolean) => void,
  ): void {
    if (typeof fetchToken === 'string') {
      throw new Error(
        'Passing a string to ConvexReactClient.setAuth is no longer supported, please upgrade to passing in an async function to handle reauthentication.',
      );
    }
    this.sync.setAuth(fetchToken, onChange ?? (() => {}), onRefreshChange);
  }

  /** Drops the credential. */
  clearAuth(): void {
    this.sync.clearAuth();
  }

  /** @internal Authenticates with an admin key. */
  setAdminAuth(token: string, identity?: UserIdentityAttributes): void {
    this.#adminAuth = { token, identity };
    if (this.#closed) throw new Error('ConvexReactClient has already been closed.');
    this.#sync?.setAdminAuth(token, identity);
  }

  /** A {@link Watch} on a query. Creating it does nothing; `onUpdate` subscribes. */
  watchQuery<TQuery extends QueryReference>(
    query: TQuery,
    ...argsAndOptions: ArgsAndOptions<TQuery, WatchQueryOptions>
  ): Watch<FunctionReturnType<TQuery>> {
    const [args, options] = argsAndOptions;
    const name = getFunctionName(query);
    const queryArgs = (args ?? {}) as Record<string, Value>;
    return {
      onUpdate: (callback) => {
        const { queryToken, unsubscribe } = this.sync.subscribe(name, queryArgs, options);
        const listeners = this.#listeners.get(queryToken) ?? new Set();
        listeners.add(callback);
        this.#listeners.set(queryToken, listeners);
        return () => {
          if (this.#closed) return;
          listeners.delete(callback);
          if (listeners.size === 0 && this.#listeners.get(queryToken) === listeners)
            this.#listeners.delete(queryToken);
          unsubscribe();
        };
      },
      // Without a base client there can be no result yet (and rendering must not connect).
      localQueryResult: () => this.#sync?.localQueryResult(name, queryArgs),
      localQueryLogs: () => this.#sync?.localQueryLogs(name, queryArgs),
      journal: () => this.#sync?.queryJournal(name, queryArgs),
    };
  }

  /** Subscribes to a query for a while (`extendSubscriptionFor` ms, default 5 s) to warm it up. */
  prewarmQuery<TQuery extends QueryReference>(
    queryOptions: QueryOptions<TQuery> & { extendSubscriptionFor?: number },
  ): void {
    const watch = this.watchQuery(
      queryOptions.query,
      ...([queryOptions.args ?? {}] as unknown as ArgsAndOptions<TQuery, WatchQueryOptions>),
    );
    const unsubscribe = watch.onUpdate(() => {});
    setTimeout(unsubscribe, queryOptions.extendSubscriptionFor ?? DEFAULT_EXTEND_SUBSCRIPTION_FOR);
  }

  /** Runs a mutation, optionally with an optimistic update. */
  mutation<TMutation extends FunctionReference<'mutation'> | FunctionReference_future<'mutation'>>(
    mutation: TMutation,
    ...argsAndOptions: ArgsAndOptions<TMutation, MutationOptions<FunctionArgs<TMutation>>>
  ): Promise<FunctionReturnType<TMutation>> {
    const [args, options] = argsAndOptions;
    return this.sync.mutation(getFunctionName(mutation), args, options) as Promise<
      FunctionReturnType<TMutation>
    >;
  }

  /** Runs an action. */
  action<TAction extends FunctionReference<'action'> | FunctionReference_future<'action'>>(
    action: TAction,
    ...args: OptionalRestArgs<TAction>
  ): Promise<FunctionReturnType<TAction>> {
    return this.sync.action(getFunctionName(action), args[0]) as Promise<
      FunctionReturnType<TAction>
    >;
  }

  /** Fetches a query's result once. Components should subscribe with `useQuery` instead. */
  query<TQuery extends QueryReference>(
    query: TQuery,
    ...args: OptionalRestArgs<TQuery>
  ): Promise<FunctionReturnType<TQuery>> {
    const watch = this.watchQuery(
      query,
      ...(args as unknown as ArgsAndOptions<TQuery, WatchQueryOptions>),
    );
    const existing = watch.localQueryResult();
    if (existing !== undefined) return Promise.resolve(existing);
    return new Promise((resolve, reject) => {
      const unsubscribe = watch.onUpdate(() => {
        unsubscribe();
        try {
          resolve(watch.localQueryResult());
        } catch (error) {
          reject(error instanceof Error ? error : new Error(String(error)));
        }
      });
    });
  }

  /** The current {@link ConnectionState}. */
  connectionState(): ConnectionState {
    return this.sync.connectionState();
  }

  /** Calls `cb` on every change of the {@link ConnectionState}. */
  subscribeToConnectionState(cb: (connectionState: ConnectionState) => void): () => void {
    return this.sync.subscribeToConnectionState(cb);
  }

  /** Closes the WebSocket and stops all subscriptions. */
  async close(): Promise<void> {
    this.#closed = true;
    this.#listeners = new Map();
    const sync = this.#sync;
    this.#sync = undefined;
    await sync?.close();
  }

  #notify(tokens: readonly QueryToken[]): void {
    for (const token of tokens) {
      const listeners = this.#listeners.get(token);
      if (listeners === undefined) continue;
      for (const listener of [...listeners]) listener();
    }
  }
}
