// Untyped values flow through here exactly as in convex/browser.
/* eslint-disable @typescript-eslint/no-explicit-any */
import type { UserIdentityAttributes } from '@selfhost/protocol';
import type { Value } from '@selfhost/values';
import type {
  FunctionArgs,
  FunctionReference,
  FunctionReference_future,
  FunctionReturnType,
} from '../server/api/function-reference.ts';
import { getFunctionName } from '../server/api/get-function-name.ts';
import type { AuthTokenFetcher } from './sync/auth-token-fetcher.ts';
import { BaseConvexClient } from './sync/base-convex-client.ts';
import type {
  BaseConvexClientOptions,
  MutationOptions,
} from './sync/base-convex-client-options.ts';
import type { ConnectionState } from './sync/connection-state.ts';
import type { QueryToken } from './sync/query-token.ts';
import { validateDeploymentUrl } from './sync/deployment-url.ts';
import { browserWindow } from './sync/browser-window.ts';

/**
 * Options of {@link ConvexClient}.
 *
 * @example
 * ```ts
 * new ConvexClient(url, { disabled: typeof window === 'undefined' });
 * ```
 */
export type ConvexClientOptions = BaseConvexClientOptions & {
  /** Make the client inert: `onUpdate` does nothing and calls throw (handy for server rendering). */
  disabled?: boolean;
  /** Prompt before leaving a page with unsent mutations. Default: `true` in browsers. */
  unsavedChangesWarning?: boolean;
};

/**
 * The return value of {@link ConvexClient.onUpdate}: call it (or its `unsubscribe`) to stop.
 *
 * @example
 * ```ts
 * const stop = client.onUpdate(api.messages.list, {}, render);
 * stop.getCurrentValue();
 * stop();
 * ```
 */
export type Unsubscribe<TValue> = {
  (): void;
  unsubscribe(): void;
  /** The latest known value, optimistic updates included. */
  getCurrentValue(): TValue | undefined;
  /** @internal */
  getQueryLogs(): string[] | undefined;
};

type Listener = {
  readonly queryToken: QueryToken;
  readonly callback: (result: any, reserved: string) => unknown;
  readonly onError: ((error: Error, reserved: string) => unknown) | undefined;
  hasRun: boolean;
};

type QueryReference = FunctionReference<'query'> | FunctionReference_future<'query'>;

/**
 * A client that subscribes to queries and runs mutations and actions over one WebSocket, with
 * callbacks instead of a UI framework. For React use `ConvexReactClient`.
 *
 * @example
 * ```ts
 * const client = new ConvexClient('http://127.0.0.1:3210');
 * const stop = client.onUpdate(api.messages.list, {}, (messages) => console.log(messages));
 * await client.mutation(api.messages.send, { body: 'hi' });
 * ```
 */
export class ConvexClient {
  readonly #listeners = new Set<Listener>();
  readonly #client: BaseConvexClient | undefined;
  readonly #disabled: boolean;
  #closed = false;
  #catchUpTimer: ReturnType<typeof setTimeout> | undefined;

  /** Creates the client and opens its WebSocket right away. */
  constructor(address: string, options: ConvexClientOptions = {}) {
    if (options.skipConvexDeploymentUrlCheck !== true) validateDeploymentUrl(address);
    const { disabled, ...baseOptions } = options;
    this.#disabled = disabled === true;
    if (browserWindow() === undefined && !('unsavedChangesWarning' in baseOptions))
      baseOptions.unsavedChangesWarning = false;
    if (!this.#disabled) {
      this.#client = new BaseConvexClient(
        address,
        (tokens) => this.#notify(tokens, false),
        baseOptions,
      );
    }
  }

  /** Whether {@link close} was called: no callback runs after it. */
  get closed(): boolean {
    return this.#closed;
  }

  /** Whether the client was created with `disabled: true`. */
  get disabled(): boolean {
    return this.#disabled;
  }

  /** The underlying {@link BaseConvexClient}. */
  get client(): BaseConvexClient {
    if (this.#client === undefined) throw new Error('ConvexClient is disabled');
    return this.#client;
  }

  /**
   * Calls `callback` with every new result of a query — soon after registering, too, if a result
   * is already loaded. Errors go to `onError`, or are thrown asynchronously without it.
   */
  // eslint-disable-next-line max-params -- convex/browser's public signature
  onUpdate<TQuery extends QueryReference>(
    query: TQuery,
    args: FunctionArgs<TQuery>,
    callback: (result: FunctionReturnType<TQuery>) => unknown,
    onError?: (e: Error) => unknown,
  ): Unsubscribe<FunctionReturnType<TQuery>> {
    if (this.#client === undefined)
      return makeUnsubscribe({
        unsubscribe: () => {},
        getCurrentValue: () => undefined,
        getQueryLogs: () => undefined,
      });
    const client = this.#client;
    const { queryToken, unsubscribe } = client.subscribe(getFunctionName(query), args);
    const listener: Listener = { queryToken, callback, onError, hasRun: false };
    this.#listeners.add(listener);
    // A result may already be here (another subscriber); don't wait for the server to change it.
    if (client.hasLocalQueryResultByToken(queryToken) && this.#catchUpTimer === undefined) {
      this.#catchUpTimer = setTimeout(() => {
        this.#catchUpTimer = undefined;
        this.#notify([], true);
      }, 0);
    }
    return makeUnsubscribe({
      unsubscribe: () => {
        if (this.#closed || !this.#listeners.delete(listener)) return;
        unsubscribe();
      },
      getCurrentValue: () =>
        client.localQueryResultByToken(queryToken) as FunctionReturnType<TQuery> | undefined,
      getQueryLogs: () =>
        client.localQueryLogs(getFunctionName(query), args as Record<string, Value>),
    });
  }

  /** Runs a mutation; see {@link BaseConvexClient.mutation}. */
  async mutation<
    TMutation extends FunctionReference<'mutation'> | FunctionReference_future<'mutation'>,
  >(
    mutation: TMutation,
    args: FunctionArgs<TMutation>,
    options?: MutationOptions,
  ): Promise<Awaited<FunctionReturnType<TMutation>>> {
    if (this.#disabled) throw new Error('ConvexClient is disabled');
    return (await this.client.mutation(getFunctionName(mutation), args, options)) as Awaited<
      FunctionReturnType<TMutation>
    >;
  }

  /** Runs an action; see {@link BaseConvexClient.action}. */
  async action<TAction extends FunctionReference<'action'> | FunctionReference_future<'action'>>(
    action: TAction,
    args: FunctionArgs<TAction>,
  ): Promise<Awaited<FunctionReturnType<TAction>>> {
    if (this.#disabled) throw new Error('ConvexClient is disabled');
    return (await this.client.action(getFunctionName(action), args)) as Awaited<
      FunctionReturnType<TAction>
    >;
  }

  /** Fetches a query's result once (from the local cache when it is loaded). */
  async query<TQuery extends QueryReference>(
    query: TQuery,
    args: FunctionArgs<TQuery>,
  ): Promise<Awaited<FunctionReturnType<TQuery>>> {
    if (this.#disabled) throw new Error('ConvexClient is disabled');
    const local = this.client.localQueryResult(getFunctionName(query), args);
    if (local !== undefined) return local as Awaited<FunctionReturnType<TQuery>>;
    return new Promise((resolve, reject) => {
      const stop = this.onUpdate(
        query,
        args,
        (value) => {
          stop();
          resolve(value);
        },
        (error) => {
          stop();
          reject(error);
        },
      );
    });
  }

  /** Authenticates with tokens from `fetchToken`; see {@link BaseConvexClient.setAuth}. */
  setAuth(fetchToken: AuthTokenFetcher, onChange?: (isAuthenticated: boolean) => void): void {
    if (this.#disabled) return;
    this.client.setAuth(fetchToken, onChange ?? (() => {}));
  }

  /** @internal Authenticates with an admin key. */
  setAdminAuth(token: string, identity?: UserIdentityAttributes): void {
    if (this.#closed) throw new Error('ConvexClient has already been closed.');
    if (this.#disabled) return;
    this.client.setAdminAuth(token, identity);
  }

  /** The current user token and its decoded claims. */
  getAuth(): { token: string; decoded: Record<string, any> } | undefined {
    return this.#client?.getCurrentAuthClaims();
  }

  /** The current {@link ConnectionState}. */
  connectionState(): ConnectionState {
    if (this.#disabled) throw new Error('ConvexClient is disabled');
    return this.client.connectionState();
  }

  /** Calls `cb` on every change of the {@link ConnectionState}. */
  subscribeToConnectionState(cb: (connectionState: ConnectionState) => void): () => void {
    if (this.#client === undefined) return () => {};
    return this.#client.subscribeToConnectionState(cb);
  }

  /** Closes the WebSocket; no callback runs afterwards. */
  async close(): Promise<void> {
    if (this.#client === undefined) return;
    this.#listeners.clear();
    this.#closed = true;
    clearTimeout(this.#catchUpTimer);
    await this.#client.close();
  }

  #notify(updated: readonly QueryToken[], includeNewListeners: boolean): void {
    const client = this.#client;
    if (client === undefined) return;
    const changed = new Set(updated);
    for (const listener of this.#listeners) {
      const due =
        changed.has(listener.queryToken) ||
        (includeNewListeners &&
          !listener.hasRun &&
          client.hasLocalQueryResultByToken(listener.queryToken));
      if (!due) continue;
      listener.hasRun = true;
      let value: Value | undefined;
      try {
        value = client.localQueryResultByToken(listener.queryToken);
      } catch (error) {
        if (!(error instanceof Error)) throw error;
        if (listener.onError !== undefined)
          listener.onError(error, 'Second argument to onUpdate onError is reserved for later use');
        // No handler: make noise without stopping the other callbacks.
        else void Promise.reject(error);
        continue;
      }
      listener.callback(value, 'Second argument to onUpdate callback is reserved for later use');
    }
  }
}

function makeUnsubscribe<TValue>(parts: Omit<Unsubscribe<TValue>, never>): Unsubscribe<TValue> {
  const unsubscribe = (() => parts.unsubscribe()) as Unsubscribe<TValue>;
  return Object.assign(unsubscribe, parts);
}
