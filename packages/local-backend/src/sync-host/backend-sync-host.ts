import { randomUUID } from 'node:crypto';
import { noAuthProviders, type UserTokenVerifier } from '../auth/user-token-verifier.ts';
import type { Database } from '@selfhost/database';
import { formatLogLine, type Identity } from '@selfhost/function-runner';
import { isProtocolErrorCode, ProtocolError, type AuthenticateMessage } from '@selfhost/protocol';
import type {
  ActionOutcome,
  ActionRequest,
  AuthOutcome,
  MutationOutcome,
  MutationRequest,
  QueryOutcome,
  QueryRequest,
  SyncHost,
  SyncIdentity,
} from '@selfhost/sync';
import type { AdminAuthenticator } from '../auth/admin-authenticator.ts';
import type { ExecutionOutcome } from '../execution/execution-outcome.ts';
import type { ExecutionRequest } from '../execution/execution-request.ts';
import type { FunctionExecutor } from '../execution/function-executor.ts';
import { SystemExecutionError } from '../execution/system-execution-error.ts';
import { clientErrorMessage, type ErrorPresentation } from '../http-api/udf-response.ts';
import { HttpError } from '../routing/http-error.ts';

/** The identities this host hands the sync engine (it only reads `cacheKey`). */
interface BackendSyncIdentity extends SyncIdentity {
  readonly identity: Identity;
  readonly isAdmin: boolean;
}

const anonymous: BackendSyncIdentity = Object.freeze({ cacheKey: 'none', identity: { kind: 'none' as const }, isAdmin: false });

/**
 * The application side of the sync engine's contract: runs WebSocket queries, mutations (with
 * exactly-once replay by session and request id) and actions through the function executor, and
 * authenticates admin keys. User JWTs go to a {@link UserTokenVerifier} (by default the one of a
 * deployment without auth providers, which refuses them).
 *
 * @example
 * const engine = new SyncEngine({ host: new BackendSyncHost({ db, executor, auth }) });
 */
export class BackendSyncHost implements SyncHost {
  readonly database: Database;
  readonly anonymousIdentity: SyncIdentity = anonymous;
  readonly #executor: FunctionExecutor;
  readonly #auth: AdminAuthenticator;
  readonly #redactLogsToClient: boolean;
  readonly #userTokens: UserTokenVerifier;

  constructor(deps: {
    readonly db: Database;
    readonly executor: FunctionExecutor;
    readonly auth: AdminAuthenticator;
    /** `--redact-logs-to-client`: no error details and no log lines go to clients (compat §5.2). */
    readonly redactLogsToClient?: boolean | undefined;
    /** Checks user JWTs; {@link noAuthProviders} when omitted. */
    readonly userTokens?: UserTokenVerifier | undefined;
  }) {
    this.#userTokens = deps.userTokens ?? noAuthProviders;
    this.database = deps.db;
    this.#executor = deps.executor;
    this.#auth = deps.auth;
    this.#redactLogsToClient = deps.redactLogsToClient ?? false;
  }

  async runQuery(request: QueryRequest, ts: bigint): Promise<QueryOutcome> {
    const refused = componentRefusal(request.componentPath);
    const execRequest = this.#request(request);
    const execution = await systemErrorsAsProtocol(() => this.#executor.query(execRequest, { ts, journal: request.journal }));
    const outcome = refused ?? execution.outcome;
    // The journal is the database's signed cursor: a client cannot forge one (compat §4.7).
    const journal = refused ? request.journal : execution.journal;
    if (outcome.status === 'success') {
      return { ok: true, valueJson: outcome.valueJson, logLines: this.#logLines(outcome), journal, readSet: execution.readSet };
    }
    return { ...this.#failure(outcome, execRequest), journal, readSet: execution.readSet };
  }

  async runMutation(request: MutationRequest): Promise<MutationOutcome> {
    const execRequest = this.#request(request);
    const refused = componentRefusal(request.componentPath);
    if (refused) return this.#failure(refused, execRequest);
    const { outcome, ts } = await systemErrorsAsProtocol(() =>
      this.#executor.mutation(execRequest, { sessionId: request.sessionId, requestId: request.requestId }),
    );
    if (outcome.status === 'error') return this.#failure(outcome, execRequest);
    if (ts === undefined) throw new ProtocolError('InternalServerError', 'A successful mutation has no commit timestamp.');
    return { ok: true, resultJson: outcome.valueJson, ts, logLines: this.#logLines(outcome) };
  }

  async runAction(request: ActionRequest): Promise<ActionOutcome> {
    const execRequest = this.#request(request);
    const refused = componentRefusal(request.componentPath);
    if (refused) return this.#failure(refused, execRequest);
    const outcome = await systemErrorsAsProtocol(() => this.#executor.action(execRequest));
    if (outcome.status === 'error') return this.#failure(outcome, execRequest);
    return { ok: true, resultJson: outcome.valueJson, logLines: this.#logLines(outcome) };
  }

  async authenticate(message: AuthenticateMessage): Promise<AuthOutcome> {
    switch (message.tokenType) {
      case 'None':
        return { ok: true, identity: anonymous };
      case 'User': {
        const checked = await this.#userTokens.verify(message.value);
        if (!checked.ok) return { ok: false, errorMessage: checked.errorMessage };
        const identity: BackendSyncIdentity = { cacheKey: `user:${JSON.stringify(checked.user)}`, identity: { kind: 'user', user: checked.user }, isAdmin: false };
        return { ok: true, identity };
      }
      case 'Admin':
        try {
          this.#auth.verify(message.value, 'header');
        } catch (error) {
          return { ok: false, errorMessage: error instanceof HttpError ? error.message : 'The admin key was refused.' };
        }
        return { ok: true, identity: adminIdentity(message.impersonating) };
    }
  }

  #request(request: QueryRequest | MutationRequest): ExecutionRequest {
    const identity = request.identity as BackendSyncIdentity;
    return {
      path: request.udfPath,
      args: request.args,
      identity: identity.identity,
      isAdmin: identity.isAdmin,
      caller: 'Websocket',
      requestId: randomUUID().replaceAll('-', '').slice(0, 16),
    };
  }

  #logLines(outcome: ExecutionOutcome): string[] {
    return this.#redactLogsToClient ? [] : outcome.logLines.map(formatLogLine);
  }

  /** As over HTTP, the message starts with `[Request ID: …] Server Error` (compat §5.2). */
  #failure(outcome: ErrorOutcome, request: ExecutionRequest): { ok: false; errorMessage: string; errorDataJson?: string | undefined; logLines: string[] } {
    const presentation: ErrorPresentation = { requestId: request.requestId ?? '', redact: this.#redactLogsToClient };
    return {
      ok: false,
      errorMessage: clientErrorMessage(outcome.errorMessage, presentation),
      errorDataJson: outcome.errorDataJson,
      logLines: this.#logLines(outcome),
    };
  }
}

function adminIdentity(impersonating: AuthenticateMessage extends infer T ? (T extends { impersonating?: infer U } ? U : never) : never): BackendSyncIdentity {
  if (impersonating === undefined) return { cacheKey: 'admin', identity: { kind: 'admin' }, isAdmin: true };
  return { cacheKey: `acting:${JSON.stringify(impersonating)}`, identity: { kind: 'actingUser', user: impersonating }, isAdmin: true };
}

/** Only the root app exists here; a component path is a function-level error. */
function componentRefusal(componentPath: string | undefined): ErrorOutcome | undefined {
  if (componentPath === undefined || componentPath === '') return undefined;
  return { status: 'error', errorMessage: `Component "${componentPath}" does not exist: this deployment runs only the root app.`, logLines: [] };
}

type ErrorOutcome = Extract<ExecutionOutcome, { status: 'error' }>;

/** System failures become protocol errors, whose codes tell the engine which close code to use. */
async function systemErrorsAsProtocol<TResult>(work: () => Promise<TResult>): Promise<TResult> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof SystemExecutionError) {
      throw new ProtocolError(isProtocolErrorCode(error.code) ? error.code : 'InternalServerError', error.message);
    }
    throw error;
  }
}
