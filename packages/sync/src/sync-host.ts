// The contract between the sync engine and the application that embeds it (local-backend).
// Sync knows nothing of HTTP, deploys, isolates or modules: everything it needs to run a
// function, authenticate a token or watch the database goes through `SyncHost`.
import { type AuthenticateMessage, type JSONObject } from '@selfhost/protocol';
import { type SyncDatabase, type SyncReadSet } from './sync-database.ts';

/**
 * Who a session runs functions as. Opaque to sync except `cacheKey`: two identities with the
 * same key may share query results (the query cache key includes it). The host decides what
 * else it carries (user claims, admin flag, acting-as identity…) and receives it back unchanged
 * in every request.
 *
 * @example
 * ```ts
 * const anonymous: SyncIdentity = { cacheKey: 'none' };
 * const user = { cacheKey: `user:${claims.tokenIdentifier}`, claims } satisfies SyncIdentity;
 * ```
 */
export interface SyncIdentity {
  readonly cacheKey: string;
}

/**
 * One query execution the engine asks for (a subscription's first run, or a re-run after a
 * commit invalidated it).
 *
 * @example
 * ```ts
 * const request: QueryRequest = {
 *   udfPath: 'messages:list', args: {}, identity, journal: null, componentPath: undefined,
 * };
 * ```
 */
export interface QueryRequest {
  /** Canonical `dir/mod:fn` (no `.js`, explicit function name). */
  readonly udfPath: string;
  /** The Convex-JSON argument object (the wire's `args[0]`). */
  readonly args: JSONObject;
  readonly identity: SyncIdentity;
  /** The journal to resume from (pagination end cursor), or null for a first run. */
  readonly journal: string | null;
  /** A child component (admin only; the host enforces that), or undefined for the root app. */
  readonly componentPath: string | undefined;
}

/**
 * What a query execution produced. Every outcome carries the database read set of the
 * execution at the requested timestamp, so the engine can subscribe it — a failed query is
 * re-run when what it read changes, like a successful one.
 *
 * @example
 * ```ts
 * const ok: QueryOutcome = { ok: true, valueJson: '[]', logLines: [], journal: null, readSet: tx.readSet };
 * ```
 */
export type QueryOutcome =
  | {
      readonly ok: true;
      /** The result as Convex-JSON text (`JSON.stringify(convexToJson(value))`), sent as is. */
      readonly valueJson: string;
      readonly logLines: readonly string[];
      /** The journal this execution produced (null when the query does not paginate). */
      readonly journal: string | null;
      readonly readSet: SyncReadSet;
    }
  | {
      readonly ok: false;
      /** The client-visible message (compat §5.2), e.g. `[Request ID: …] Server Error\nUncaught Error: …`. */
      readonly errorMessage: string;
      /** `ConvexError` data as Convex-JSON text, when the function threw one. */
      readonly errorDataJson?: string | undefined;
      readonly logLines: readonly string[];
      readonly journal: string | null;
      readonly readSet: SyncReadSet;
    };

/**
 * One mutation from a session's queue. `(sessionId, requestId)` identifies it across
 * reconnects: the host must replay a stored successful outcome instead of running it again.
 *
 * @example
 * ```ts
 * const request: MutationRequest = {
 *   udfPath: 'messages:send', args: { body: 'hi' }, identity, componentPath: undefined,
 *   sessionId: '9f2…', requestId: 0,
 * };
 * ```
 */
export interface MutationRequest {
  readonly udfPath: string;
  readonly args: JSONObject;
  readonly identity: SyncIdentity;
  readonly componentPath: string | undefined;
  readonly sessionId: string;
  readonly requestId: number;
}

/**
 * What a mutation produced. On success `ts` is the commit timestamp and the commit MUST already
 * be published (`database.latestTs >= ts`) when the promise resolves; a mutation that wrote
 * nothing reports the timestamp it read at.
 *
 * @example
 * ```ts
 * const ok: MutationOutcome = { ok: true, resultJson: 'null', ts: commitTs, logLines: [] };
 * ```
 */
export type MutationOutcome =
  | {
      readonly ok: true;
      readonly resultJson: string;
      readonly ts: bigint;
      readonly logLines: readonly string[];
    }
  | {
      readonly ok: false;
      readonly errorMessage: string;
      readonly errorDataJson?: string | undefined;
      readonly logLines: readonly string[];
    };

/**
 * One action call. Actions are at most once: the host never retries them.
 *
 * @example
 * ```ts
 * const request: ActionRequest = {
 *   udfPath: 'ai:summarize', args: {}, identity, componentPath: undefined, sessionId, requestId: 1,
 * };
 * ```
 */
export type ActionRequest = MutationRequest;

/**
 * What an action produced.
 *
 * @example
 * ```ts
 * const failed: ActionOutcome = { ok: false, errorMessage: 'Server Error', logLines: [] };
 * ```
 */
export type ActionOutcome =
  | { readonly ok: true; readonly resultJson: string; readonly logLines: readonly string[] }
  | {
      readonly ok: false;
      readonly errorMessage: string;
      readonly errorDataJson?: string | undefined;
      readonly logLines: readonly string[];
    };

/**
 * The answer to an `Authenticate` message: the new identity, or why the token was refused
 * (sent to the client as `AuthError`, after which the session closes).
 *
 * @example
 * ```ts
 * const refused: AuthOutcome = { ok: false, errorMessage: 'No auth provider found matching the given token' };
 * ```
 */
export type AuthOutcome =
  | { readonly ok: true; readonly identity: SyncIdentity }
  | { readonly ok: false; readonly errorMessage: string };

/**
 * Everything the sync engine needs from the application. local-backend implements it over the
 * function runner and the database; tests implement it with plain functions over real
 * database transactions.
 *
 * Failures: a function that fails (user error, validation, …) is an `ok: false` outcome. A
 * system failure (database unavailable, OCC retries exhausted, internal bug) is a thrown error:
 * the engine closes that socket so the client reconnects — with 1013 and the code as reason for
 * a `ProtocolError` whose code maps to "try again later" (`OptimisticConcurrencyControlFailure`,
 * `Overloaded`, …), otherwise 1011 `InternalServerError`.
 *
 * @example
 * ```ts
 * const host: SyncHost = {
 *   database,
 *   anonymousIdentity: { cacheKey: 'none' },
 *   runQuery: (request, ts) => functions.runQuery(request, ts),
 *   runMutation: (request) => functions.runMutation(request),
 *   runAction: (request) => functions.runAction(request),
 *   authenticate: (message) => auth.authenticate(message),
 * };
 * const engine = new SyncEngine({ host });
 * ```
 */
export interface SyncHost {
  /** The database whose commits drive subscriptions. */
  readonly database: SyncDatabase;
  /** The identity of a session that has not authenticated (also after `tokenType: "None"`, unless `authenticate` says otherwise). */
  readonly anonymousIdentity: SyncIdentity;
  /**
   * Runs a query read-only at snapshot `ts` (always ≤ `database.latestTs`, possibly a little
   * older) and returns its read set. Must not cache across `ts`: the engine does that. May
   * throw the database's `OutOfRetention` error when `ts` is too old; the engine then retries
   * at the latest timestamp.
   */
  runQuery(request: QueryRequest, ts: bigint): Promise<QueryOutcome>;
  /**
   * Runs a mutation as one serializable transaction: OCC retries, and exactly-once by
   * `(sessionId, requestId)` (replay the stored outcome of a successful earlier run). Resolves
   * only after the commit is published.
   */
  runMutation(request: MutationRequest): Promise<MutationOutcome>;
  /** Runs an action (at most once). */
  runAction(request: ActionRequest): Promise<ActionOutcome>;
  /**
   * Validates an `Authenticate` message (admin key, user JWT, or `None`) and returns the new
   * identity. The engine has already checked `baseVersion`.
   */
  authenticate(message: AuthenticateMessage): Promise<AuthOutcome>;
  /** Told about system failures that closed a socket (for logs). */
  reportError?(error: unknown, context: string): void;
}
