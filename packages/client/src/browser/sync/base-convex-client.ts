// Results of untyped calls are `any`, as in convex/browser.
/* eslint-disable @typescript-eslint/no-explicit-any */
import type {
  ActionMessage,
  ConnectMessage,
  JSONObject,
  MutationMessage,
  Timestamp,
  UserIdentityAttributes,
} from '@selfhost/protocol';
import { convexToJson, type Value } from '@selfhost/values';
import { functionError } from '../logging/function-error.ts';
import { logFunctionLines } from '../logging/log-function-lines.ts';
import { createLogger, type Logger } from '../logging/logger.ts';
import type { AuthTokenFetcher } from './auth-token-fetcher.ts';
import { AuthenticationManager } from './authentication-manager.ts';
import type {
  BaseConvexClientOptions,
  MutationOptions,
  SubscribeOptions,
} from './base-convex-client-options.ts';
import { CLIENT_VERSION } from './client-version.ts';
import type { Transition } from './client-transition.ts';
import type { ConnectionState } from './connection-state.ts';
import { ConnectionStatePublisher } from './connection-state-publisher.ts';
import { decodeJwtClaims } from './decode-jwt-claims.ts';
import { syncUrl, validateDeploymentUrl } from './deployment-url.ts';
import type { FunctionResult } from './function-result.ts';
import { IdentityState } from './identity-state.ts';
import { LocalQuerySet, type QueryJournal } from './local-query-set.ts';
import { OptimisticQueryResults, type QueryResultsMap } from './optimistic-query-results.ts';
import { parseArgs } from './parse-args.ts';
import { queryTokenOf, type QueryToken } from './query-token.ts';
import { RemoteQuerySet } from './remote-query-set.ts';
import { RequestManager } from './request-manager.ts';
import { installUnsavedChangesWarning } from './unsaved-changes-warning.ts';
import { newSessionId } from './session-id.ts';
import {
  WebSocketManager,
  type DeliveredServerMessage,
  type ReconnectMetadata,
} from './web-socket-manager.ts';

/**
 * The sync engine client: one WebSocket to the deployment carrying the query set, mutations,
 * actions and auth (spec §3). It works with function paths and untyped values; use
 * {@link ConvexClient}, `ConvexReactClient` or {@link ConvexHttpClient} for typed calls.
 *
 * @example
 * ```ts
 * const client = new BaseConvexClient('http://127.0.0.1:3210', (tokens) => render(tokens));
 * const { queryToken, unsubscribe } = client.subscribe('messages:list', {});
 * await client.mutation('messages:send', { body: 'hi' });
 * client.localQueryResultByToken(queryToken); // includes 'hi'
 * ```
 */
export class BaseConvexClient {
  readonly #address: string;
  readonly #logger: Logger;
  readonly #sessionId = newSessionId();
  readonly #querySet = new LocalQuerySet();
  readonly #identity = new IdentityState();
  readonly #optimistic = new OptimisticQueryResults();
  readonly #requests: RequestManager;
  readonly #auth: AuthenticationManager;
  readonly #socket: WebSocketManager;
  #remote = new RemoteQuerySet();
  #nextRequestId = 0;
  #maxObservedTimestamp: Timestamp | undefined;
  #nextHandlerId = 0;
  readonly #transitionHandlers = new Map<number, (transition: Transition) => void>();
  readonly #connectionState = new ConnectionStatePublisher(() => this.connectionState());

  /**
   * @param address The deployment URL, e.g. `http://127.0.0.1:3210`.
   * @param onTransition Called with the tokens of queries whose results changed.
   * @param options See {@link BaseConvexClientOptions}.
   */
  constructor(
    address: string,
    onTransition: (updatedQueries: QueryToken[]) => void,
    options: BaseConvexClientOptions = {},
  ) {
    if (typeof address === 'object') {
      throw new Error(
        'Passing a ClientConfig object is no longer supported. Pass the URL of the Convex deployment as a string directly.',
      );
    }
    if (options.skipConvexDeploymentUrlCheck !== true) validateDeploymentUrl(address);
    const webSocketConstructor =
      options.webSocketConstructor ?? (globalThis as { WebSocket?: typeof WebSocket }).WebSocket;
    if (webSocketConstructor === undefined) {
      throw new Error(
        'No WebSocket global variable defined! To use Convex in an environment without WebSocket try the HTTP client: https://docs.convex.dev/api/classes/browser.ConvexHttpClient',
      );
    }
    this.#address = address;
    this.#logger = createLogger(options);
    const uri = syncUrl(address, CLIENT_VERSION);
    this.#requests = new RequestManager(this.#logger, () => this.#connectionState.markDirty());
    this.#auth = new AuthenticationManager({
      identity: this.#identity,
      logger: this.#logger,
      refreshTokenLeewaySeconds: options.authRefreshTokenLeewaySeconds ?? 10,
      initialAuthTokenReuse: options.initialAuthTokenReuse,
      hooks: {
        authenticate: (token) =>
          this.#socket.sendMessage(
            this.#identity.setCredential({ tokenType: 'User', value: token }),
          ),
        clearAuth: () => this.clearAuth(),
        pauseSocket: () => this.#pause(),
        resumeSocket: () => this.#socket.resume(),
        stopSocket: () => this.#socket.stop(),
        tryRestartSocket: () => this.#socket.tryRestart(),
      },
    });
    this.addOnTransitionHandler((transition) =>
      onTransition(transition.queries.map((query) => query.token)),
    );
    installUnsavedChangesWarning(options.unsavedChangesWarning, () =>
      this.#requests.hasIncompleteRequests(),
    );
    this.#socket = new WebSocketManager({
      uri,
      webSocketConstructor,
      logger: this.#logger,
      onOpen: (metadata) => this.#onOpen(metadata),
      onResume: () => this.#onResume(),
      onMessage: (message) => this.#onMessage(message),
      onServerDisconnectError: options.onServerDisconnectError,
      onStateChange: () => this.#connectionState.markDirty(),
    });
    if (options.expectAuth === true) this.#pause();
  }

  /** Adds a listener for every {@link Transition}; returns a function that removes it. */
  addOnTransitionHandler(fn: (transition: Transition) => void): () => void {
    const id = this.#nextHandlerId++;
    this.#transitionHandlers.set(id, fn);
    return () => this.#transitionHandlers.delete(id);
  }

  /** The current user JWT and its decoded claims, if a user token is in use. */
  getCurrentAuthClaims(): { token: string; decoded: Record<string, any> } | undefined {
    const credential = this.#identity.credential;
    if (credential?.tokenType !== 'User') return undefined;
    return { token: credential.value, decoded: decodeJwtClaims(credential.value) ?? {} };
  }

  /**
   * Authenticates with tokens from `fetchToken`, refetched before they expire and when the
   * server rejects them (spec §3.6). `onChange(true)` once the server accepts a token,
   * `onChange(false)` when no valid token can be had.
   */
  setAuth(
    fetchToken: AuthTokenFetcher,
    onChange: (isAuthenticated: boolean) => void,
    onRefreshChange?: (isRefreshing: boolean) => void,
  ): void {
    void this.#auth.setConfig(fetchToken, onChange, onRefreshChange);
  }

  /** Whether a credential is in use. */
  hasAuth(): boolean {
    return this.#identity.credential !== undefined;
  }

  /** @internal Authenticates with an admin key, optionally acting as `fakeUserIdentity`. */
  setAdminAuth(value: string, fakeUserIdentity?: UserIdentityAttributes): void {
    const credential =
      fakeUserIdentity === undefined
        ? ({ tokenType: 'Admin', value } as const)
        : ({ tokenType: 'Admin', value, impersonating: fakeUserIdentity } as const);
    this.#socket.sendMessage(this.#identity.setCredential(credential));
  }

  /** Drops the credential: later requests run unauthenticated. */
  clearAuth(): void {
    this.#socket.sendMessage(this.#identity.clear());
  }

  /**
   * Subscribes to a query. The `onTransition` callbacks hear of every change to its result.
   * Subscriptions to the same path and arguments share one server query.
   */
  subscribe(
    name: string,
    args?: Record<string, Value>,
    options?: SubscribeOptions,
  ): { queryToken: QueryToken; unsubscribe: () => void } {
    const { queryToken, modification, unsubscribe } = this.#querySet.subscribe(
      name,
      parseArgs(args),
      {
        journal: options?.journal,
        componentPath: options?.componentPath,
      },
    );
    if (modification !== null) this.#socket.sendMessage(modification);
    return {
      queryToken,
      unsubscribe: () => {
        const removal = unsubscribe();
        if (removal !== null) this.#socket.sendMessage(removal);
      },
    };
  }

  /** The local (possibly optimistic) result of a query, `undefined` if not loaded; throws its error. */
  localQueryResult(udfPath: string, args?: Record<string, Value>): Value | undefined {
    return this.#optimistic.queryResult(queryTokenOf(udfPath, parseArgs(args)));
  }

  /** @internal {@link localQueryResult} by token. */
  localQueryResultByToken(queryToken: QueryToken): Value | undefined {
    return this.#optimistic.queryResult(queryToken);
  }

  /** @internal Whether a result (or error) is available locally for the token. */
  hasLocalQueryResultByToken(queryToken: QueryToken): boolean {
    return this.#optimistic.hasQueryResult(queryToken);
  }

  /** @internal The log lines of a query's latest result. */
  localQueryLogs(udfPath: string, args?: Record<string, Value>): string[] | undefined {
    return this.#optimistic.queryLogs(queryTokenOf(udfPath, parseArgs(args)));
  }

  /** The journal of a subscribed query, `undefined` before its first result. */
  queryJournal(name: string, args?: Record<string, Value>): QueryJournal | undefined {
    return this.#querySet.queryJournal(queryTokenOf(name, parseArgs(args)));
  }

  /** The current {@link ConnectionState}. */
  connectionState(): ConnectionState {
    const socket = this.#socket.connectionState();
    return {
      hasInflightRequests: this.#requests.hasInflightRequests(),
      isWebSocketConnected: socket.isConnected,
      hasEverConnected: socket.hasEverConnected,
      connectionCount: socket.connectionCount,
      connectionRetries: socket.connectionRetries,
      timeOfOldestInflightRequest: this.#requests.timeOfOldestInflightRequest(),
      inflightMutations: this.#requests.inflightMutations(),
      inflightActions: this.#requests.inflightActions(),
    };
  }

  /** Calls `cb` whenever the {@link ConnectionState} changes; returns an unsubscribe function. */
  subscribeToConnectionState(cb: (connectionState: ConnectionState) => void): () => void {
    return this.#connectionState.subscribe(cb);
  }

  /**
   * Runs a mutation. Resolves with its result once the query results include its writes;
   * rejects with `[CONVEX M(path)] …` (a `ConvexError` when it threw one).
   */
  async mutation(
    name: string,
    args?: Record<string, Value>,
    options?: MutationOptions,
  ): Promise<any> {
    const result = await this.mutationInternal(name, args, options);
    if (!result.success) throw functionError({ kind: 'mutation', udfPath: name }, result);
    return result.value;
  }

  /** @internal {@link mutation} returning the raw {@link FunctionResult}. */
  // eslint-disable-next-line max-params -- the official internal signature, used by tools
  mutationInternal(
    udfPath: string,
    args?: Record<string, Value>,
    options?: MutationOptions,
    componentPath?: string,
  ): Promise<FunctionResult> {
    return this.enqueueMutation(udfPath, args, options, componentPath).mutationPromise;
  }

  /** @internal Sends a mutation (applying its optimistic update now); returns its request id. */
  // eslint-disable-next-line max-params -- the official internal signature, used by tools
  enqueueMutation(
    udfPath: string,
    args?: Record<string, Value>,
    options?: MutationOptions,
    componentPath?: string,
  ): { requestId: number; mutationPromise: Promise<FunctionResult> } {
    const mutationArgs = parseArgs(args);
    const requestId = this.#nextRequestId++;
    const optimisticUpdate = options?.optimisticUpdate;
    if (optimisticUpdate !== undefined) {
      const changed = this.#optimistic.applyOptimisticUpdate((store) => {
        const returned: unknown = optimisticUpdate(store, mutationArgs);
        if (returned instanceof Promise) {
          this.#logger.warn(
            'Optimistic update handler returned a Promise. Optimistic updates should be synchronous.',
          );
        }
      }, requestId);
      this.#emit({
        queries: changed.map((token) => ({
          token,
          modification: { kind: 'Updated', result: this.#optimistic.rawQueryResult(token) },
        })),
        reflectedMutations: [],
        timestamp: this.#remote.timestamp(),
      });
    }
    const message: MutationMessage = {
      type: 'Mutation',
      requestId,
      udfPath,
      args: [convexToJson(mutationArgs) as JSONObject],
    };
    if (componentPath !== undefined) message.componentPath = componentPath;
    const sent = this.#socket.sendMessage(message);
    return { requestId, mutationPromise: this.#requests.request(message, sent) };
  }

  /** Runs an action; rejects with `[CONVEX A(path)] …`, or if the connection drops meanwhile. */
  async action(name: string, args?: Record<string, Value>): Promise<any> {
    const result = await this.actionInternal(name, args);
    if (!result.success) throw functionError({ kind: 'action', udfPath: name }, result);
    return result.value;
  }

  /** @internal {@link action} returning the raw {@link FunctionResult}. */
  actionInternal(
    udfPath: string,
    args?: Record<string, Value>,
    componentPath?: string,
  ): Promise<FunctionResult> {
    const requestId = this.#nextRequestId++;
    const message: ActionMessage = {
      type: 'Action',
      requestId,
      udfPath,
      args: [convexToJson(parseArgs(args)) as JSONObject],
    };
    if (componentPath !== undefined) message.componentPath = componentPath;
    const sent = this.#socket.sendMessage(message);
    return this.#requests.request(message, sent);
  }

  /** Closes the socket for good; pending requests stay pending. */
  async close(): Promise<void> {
    this.#auth.stop();
    await this.#socket.terminate();
  }

  /** The deployment URL. */
  get url(): string {
    return this.#address;
  }

  /** @internal The request id the next mutation or action gets. */
  get nextRequestId(): number {
    return this.#nextRequestId;
  }

  /** @internal This client's session id. */
  get sessionId(): string {
    return this.#sessionId;
  }

  /** @internal The highest timestamp the server has shown this client. */
  getMaxObservedTimestamp(): Timestamp | undefined {
    return this.#maxObservedTimestamp;
  }

  #pause(): void {
    this.#socket.pause();
    this.#querySet.pause();
    this.#identity.pause();
  }

  #onOpen(metadata: ReconnectMetadata): void {
    const connect: ConnectMessage = {
      type: 'Connect',
      sessionId: this.#sessionId,
      connectionCount: metadata.connectionCount,
      lastCloseReason: metadata.lastCloseReason,
      clientTs: metadata.clientTs,
    };
    if (this.#maxObservedTimestamp !== undefined)
      connect.maxObservedTimestamp = this.#maxObservedTimestamp;
    this.#socket.sendMessage(connect);
    // The server starts this connection from scratch: so do we, then re-send everything
    // (spec §3.7: Connect → Authenticate → ModifyQuerySet → mutations).
    this.#remote = new RemoteQuerySet();
    const authenticate = this.#identity.restart();
    if (authenticate !== undefined) this.#socket.sendMessage(authenticate);
    this.#socket.sendMessage(this.#querySet.restart());
    for (const message of this.#requests.restart()) this.#socket.sendMessage(message);
  }

  #onResume(): void {
    const authenticate = this.#identity.resume();
    const querySet = this.#querySet.resume();
    if (authenticate !== undefined) this.#socket.sendMessage(authenticate);
    if (querySet !== undefined) this.#socket.sendMessage(querySet);
    for (const message of this.#requests.resume()) this.#socket.sendMessage(message);
  }

  #onMessage(message: DeliveredServerMessage): { hasSyncedPastLastReconnect: boolean } {
    switch (message.type) {
      case 'Transition': {
        this.#remote.transition(message);
        this.#observe(message.endVersion.ts);
        for (const modification of message.modifications) {
          if (modification.type === 'QueryRemoved') continue;
          const udfPath = this.#querySet.queryPath(modification.queryId);
          if (udfPath !== null)
            logFunctionLines(this.#logger, { kind: 'query', udfPath }, modification.logLines);
        }
        this.#auth.onTransition(message);
        this.#querySet.transition(message);
        this.#publishResults(this.#requests.removeCompleted(this.#remote.timestamp()));
        break;
      }
      case 'MutationResponse': {
        if (message.success) this.#observe(message.ts);
        const finished = this.#requests.onResponse(message);
        if (finished !== null)
          this.#publishResults(new Map([[finished.requestId, finished.result]]));
        break;
      }
      case 'ActionResponse':
        this.#requests.onResponse(message);
        break;
      case 'AuthError':
        this.#auth.onAuthError(message);
        break;
      case 'FatalError':
        // Retrying cannot fix this (spec §3.7): stop for good.
        this.#logger.error(`[CONVEX FATAL ERROR] ${message.error}`);
        void this.#socket.terminate();
        break;
      default:
        message satisfies never;
    }
    return {
      hasSyncedPastLastReconnect:
        this.#requests.hasSyncedPastLastReconnect() &&
        this.#querySet.hasSyncedPastLastReconnect() &&
        this.#identity.hasSyncedPastLastReconnect(),
    };
  }

  #observe(ts: Timestamp): void {
    if (this.#maxObservedTimestamp === undefined || this.#maxObservedTimestamp <= ts)
      this.#maxObservedTimestamp = ts;
  }

  // Rebuilds the visible results from the server's plus the still-pending optimistic updates,
  // dropping those of `finished` mutations, and tells the handlers what changed.
  #publishResults(finished: Map<number, FunctionResult>): void {
    const serverResults: QueryResultsMap = new Map();
    for (const [queryId, result] of this.#remote.results()) {
      const token = this.#querySet.queryToken(queryId);
      // Results for queries unsubscribed before the server heard of it are ignored.
      if (token === null) continue;
      serverResults.set(token, {
        result,
        udfPath: this.#querySet.queryPath(queryId) ?? '',
        args: this.#querySet.queryArgs(queryId) ?? {},
      });
    }
    const changed = this.#optimistic.ingestQueryResultsFromServer(
      serverResults,
      new Set(finished.keys()),
    );
    this.#emit({
      queries: changed.map((token) => ({
        token,
        modification: { kind: 'Updated', result: this.#optimistic.rawQueryResult(token) },
      })),
      reflectedMutations: [...finished].map(([requestId, result]) => ({ requestId, result })),
      timestamp: this.#remote.timestamp(),
    });
  }

  #emit(transition: Transition): void {
    for (const handler of this.#transitionHandlers.values()) handler(transition);
  }
}
