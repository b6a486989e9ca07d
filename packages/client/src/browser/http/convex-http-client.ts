// `any` defaults match convex/browser's signatures.
/* eslint-disable @typescript-eslint/no-explicit-any */
import type { UserIdentityAttributes } from '@selfhost/protocol';
import { convexToJson, type Value } from '@selfhost/values';
import type {
  ArgsAndOptions,
  FunctionReference,
  FunctionReference_future,
  FunctionReturnType,
  OptionalRestArgs,
} from '../../server/api/function-reference.ts';
import { getFunctionName } from '../../server/api/get-function-name.ts';
import type { FunctionKind } from '../logging/function-kind.ts';
import { createLogger, type Logger } from '../logging/logger.ts';
import { CLIENT_VERSION } from '../sync/client-version.ts';
import { validateDeploymentUrl } from '../sync/deployment-url.ts';
import { parseArgs } from '../sync/parse-args.ts';
import { readUdfResponse } from './read-udf-response.ts';

/**
 * Options of {@link ConvexHttpClient.mutation}.
 *
 * @example
 * ```ts
 * await http.mutation(api.messages.send, { body: 'hi' }, { skipQueue: true });
 * ```
 */
export type HttpMutationOptions = {
  /** Run now instead of after the mutations queued before it. */
  skipQueue: boolean;
};

/** @internal Extra `fetch` options for some runtimes. @example http.setFetchOptions({ cache: 'no-store' }); */
export type FetchOptions = { cache: 'force-cache' | 'no-store' };

type Request = {
  readonly endpoint: string;
  readonly body: Record<string, unknown>;
  readonly kind: FunctionKind;
  readonly udfPath: string;
};

/**
 * Runs queries, mutations and actions over HTTP (spec §2.1), without a WebSocket: for servers,
 * scripts and non-reactive pages. Mutations run one at a time in call order unless `skipQueue`.
 * It holds credentials, so do not share one between users on a server.
 *
 * @example
 * ```ts
 * const http = new ConvexHttpClient('http://127.0.0.1:3210', { auth: jwt });
 * const messages = await http.query(api.messages.list, {});
 * ```
 */
export class ConvexHttpClient {
  readonly #address: string;
  readonly #logger: Logger;
  readonly #fetch: typeof globalThis.fetch | undefined;
  #auth: string | undefined;
  #adminAuth: string | undefined;
  #debug = true;
  #fetchOptions: FetchOptions | undefined;
  #timestamp: Promise<string> | undefined;
  #mutationQueue: Promise<void> | undefined;

  /**
   * @param address The deployment URL.
   * @param options `auth` (a JWT), `logger`, `fetch` (a custom implementation) and
   *   `skipConvexDeploymentUrlCheck`.
   */
  constructor(
    address: string,
    options?: {
      skipConvexDeploymentUrlCheck?: boolean;
      logger?: Logger | boolean;
      auth?: string;
      fetch?: typeof globalThis.fetch;
    },
  ) {
    if (typeof options === 'boolean') {
      throw new Error(
        'skipConvexDeploymentUrlCheck as the second argument is no longer supported. Please pass an options object, `{ skipConvexDeploymentUrlCheck: true }`.',
      );
    }
    if (options?.skipConvexDeploymentUrlCheck !== true) validateDeploymentUrl(address);
    this.#address = address;
    this.#logger = createLogger({ logger: options?.logger });
    this.#fetch = options?.fetch;
    if (options?.auth !== undefined && options.auth !== '') this.setAuth(options.auth);
  }

  /** The deployment URL. */
  get url(): string {
    return this.#address;
  }

  /** @deprecated Use {@link url}; this is the URL with `/api` appended. */
  backendUrl(): string {
    return `${this.#address}/api`;
  }

  /** Sends `Authorization: Bearer <value>` from now on. */
  setAuth(value: string): void {
    this.clearAuth();
    this.#auth = value;
  }

  /** @internal Sends `Authorization: Convex <adminKey>[:<base64 identity>]` from now on. */
  setAdminAuth(token: string, actingAsIdentity?: UserIdentityAttributes): void {
    this.clearAuth();
    if (actingAsIdentity === undefined) {
      this.#adminAuth = token;
      return;
    }
    const bytes = new TextEncoder().encode(JSON.stringify(actingAsIdentity));
    this.#adminAuth = `${token}:${btoa(String.fromCodePoint(...bytes))}`;
  }

  /** Stops sending credentials. */
  clearAuth(): void {
    this.#auth = undefined;
    this.#adminAuth = undefined;
  }

  /** @internal Whether function log lines are printed. Default `true`. */
  setDebug(debug: boolean): void {
    this.#debug = debug;
  }

  /** @internal Extra options passed to every `fetch`. */
  setFetchOptions(fetchOptions: FetchOptions): void {
    this.#fetchOptions = fetchOptions;
  }

  /** Runs a query at the latest snapshot. */
  async query<TQuery extends FunctionReference<'query'> | FunctionReference_future<'query'>>(
    query: TQuery,
    ...args: OptionalRestArgs<TQuery>
  ): Promise<FunctionReturnType<TQuery>> {
    const udfPath = getFunctionName(query);
    return await this.#run({
      endpoint: 'query',
      kind: 'query',
      udfPath,
      body: this.#udfBody(udfPath, args[0]),
    });
  }

  /**
   * Runs a query at the same snapshot as every other `consistentQuery` of this client (the
   * first one fetches `/api/query_ts`; later ones reuse it via `/api/query_at_ts`).
   *
   * @deprecated Experimental: it may change or disappear.
   */
  async consistentQuery<
    TQuery extends FunctionReference<'query'> | FunctionReference_future<'query'>,
  >(query: TQuery, ...args: OptionalRestArgs<TQuery>): Promise<FunctionReturnType<TQuery>> {
    const udfPath = getFunctionName(query);
    const body = this.#udfBody(udfPath, args[0]);
    this.#timestamp ??= this.#fetchTimestamp();
    const ts = await this.#timestamp;
    return await this.#run({
      endpoint: 'query_at_ts',
      kind: 'query',
      udfPath,
      body: { ...body, ts },
    });
  }

  /** Runs a mutation; queued behind earlier mutations unless `{ skipQueue: true }`. */
  async mutation<
    TMutation extends FunctionReference<'mutation'> | FunctionReference_future<'mutation'>,
  >(
    mutation: TMutation,
    ...args: ArgsAndOptions<TMutation, HttpMutationOptions>
  ): Promise<FunctionReturnType<TMutation>> {
    const [fnArgs, options] = args;
    const udfPath = getFunctionName(mutation);
    const request: Request = {
      endpoint: 'mutation',
      kind: 'mutation',
      udfPath,
      body: this.#udfBody(udfPath, fnArgs),
    };
    if (options?.skipQueue === true) return await this.#run(request);
    // An idle queue starts the mutation right away; otherwise it waits for the ones before it
    // to finish (succeeded or not).
    const previous = this.#mutationQueue;
    const result =
      previous === undefined ? this.#run(request) : previous.then(() => this.#run(request));
    const settled = result.then(
      () => undefined,
      () => undefined,
    );
    this.#mutationQueue = settled;
    void settled.then(() => {
      if (this.#mutationQueue === settled) this.#mutationQueue = undefined;
    });
    return await result;
  }

  /** Runs an action (never queued). */
  async action<TAction extends FunctionReference<'action'> | FunctionReference_future<'action'>>(
    action: TAction,
    ...args: OptionalRestArgs<TAction>
  ): Promise<FunctionReturnType<TAction>> {
    const udfPath = getFunctionName(action);
    return await this.#run({
      endpoint: 'action',
      kind: 'action',
      udfPath,
      body: this.#udfBody(udfPath, args[0]),
    });
  }

  /**
   * @internal Runs a function of any kind through the admin-only `/api/function` route, by
   * reference or path, optionally in a component.
   */
  async function<TFunction extends FunctionReference<any> | FunctionReference_future<any>>(
    anyFunction: TFunction | string,
    componentPath?: string,
    ...args: OptionalRestArgs<TFunction>
  ): Promise<FunctionReturnType<TFunction>> {
    const udfPath = typeof anyFunction === 'string' ? anyFunction : getFunctionName(anyFunction);
    const body: Record<string, unknown> = {
      path: udfPath,
      format: 'convex_encoded_json',
      args: convexToJson(parseArgs(args[0])),
    };
    if (componentPath !== undefined) body.componentPath = componentPath;
    return await this.#run({ endpoint: 'function', kind: 'any', udfPath, body });
  }

  #udfBody(udfPath: string, args: unknown): Record<string, unknown> {
    return { path: udfPath, format: 'convex_encoded_json', args: [convexToJson(parseArgs(args))] };
  }

  #headers(): Record<string, string> {
    const headers: Record<string, string> = {
      'Content-Type': 'application/json',
      'Convex-Client': `npm-${CLIENT_VERSION}`,
    };
    if (this.#adminAuth !== undefined) headers.Authorization = `Convex ${this.#adminAuth}`;
    else if (this.#auth !== undefined) headers.Authorization = `Bearer ${this.#auth}`;
    return headers;
  }

  async #run(request: Request): Promise<Value> {
    const response = await (this.#fetch ?? fetch)(`${this.#address}/api/${request.endpoint}`, {
      ...this.#fetchOptions,
      method: 'POST',
      headers: this.#headers(),
      body: JSON.stringify(request.body),
    });
    return readUdfResponse(response, {
      kind: request.kind,
      udfPath: request.udfPath,
      logger: this.#logger,
      logLines: this.#debug,
    });
  }

  async #fetchTimestamp(): Promise<string> {
    const response = await (this.#fetch ?? fetch)(`${this.#address}/api/query_ts`, {
      ...this.#fetchOptions,
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Convex-Client': `npm-${CLIENT_VERSION}` },
    });
    if (!response.ok) throw new Error(await response.text());
    const { ts } = (await response.json()) as { ts: string };
    return ts;
  }
}
