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
 * authenticates admin keys. User JWTs get the answer of a deployment without auth providers.
 *
 * @example
 * const engine = new SyncEngine({ host: new BackendSyncHost({ db, executor, auth }) });
 */
export class BackendSyncHost implements SyncHost {
  readonly database: Database;
  readonly anonymousIdentity: SyncIdentity = anonymous;
  readonly #executor: FunctionExecutor;
  readonly #auth: AdminAuthenticator;

  constructor(deps: { readonly db: Database; readonly executor: FunctionExecutor; readonly auth: AdminAuthenticator }) {
    this.database = deps.db;
    this.#executor = deps.executor;
    this.#auth = deps.auth;
  }

  async runQuery(request: QueryRequest, ts: bigint): Promise<QueryOutcome> {
    const refused = componentRefusal(request.componentPath);
    const execution = await systemErrorsAsProtocol(() => this.#executor.query(this.#request(request), { ts, journal: request.journal }));
    const outcome = refused ?? execution.outcome;
    const logLines = outcome.logLines.map(formatLogLine);
    return outcome.status === 'success'
      ? { ok: true, valueJson: outcome.valueJson, logLines, journal: null, readSet: execution.readSet }
      : { ok: false, errorMessage: outcome.errorMessage, errorDataJson: outcome.errorDataJson, logLines, journal: null, readSet: execution.readSet };
  }

  async runMutation(request: MutationRequest): Promise<MutationOutcome> {
    const refused = componentRefusal(request.componentPath);
    if (refused) return failure(refused);
    const { outcome, ts } = await systemErrorsAsProtocol(() =>
      this.#executor.mutation(this.#request(request), { sessionId: request.sessionId, requestId: request.requestId }),
    );
    if (outcome.status === 'error') return failure(outcome);
    if (ts === undefined) throw new ProtocolError('InternalServerError', 'A successful mutation has no commit timestamp.');
    return { ok: true, resultJson: outcome.valueJson, ts, logLines: outcome.logLines.map(formatLogLine) };
  }

  async runAction(request: ActionRequest): Promise<ActionOutcome> {
    const refused = componentRefusal(request.componentPath);
    if (refused) return failure(refused);
    const outcome = await systemErrorsAsProtocol(() => this.#executor.action(this.#request(request)));
    if (outcome.status === 'error') return failure(outcome);
    return { ok: true, resultJson: outcome.valueJson, logLines: outcome.logLines.map(formatLogLine) };
  }

  authenticate(message: AuthenticateMessage): Promise<AuthOutcome> {
    switch (message.tokenType) {
      case 'None':
        return Promise.resolve({ ok: true, identity: anonymous });
      case 'User':
        return Promise.resolve({
          ok: false,
          errorMessage: 'No auth provider found matching the given token: this deployment has no auth providers configured (auth.config.ts).',
        });
      case 'Admin':
        try {
          this.#auth.verify(message.value, 'header');
        } catch (error) {
          return Promise.resolve({ ok: false, errorMessage: error instanceof HttpError ? error.message : 'The admin key was refused.' });
        }
        return Promise.resolve({ ok: true, identity: adminIdentity(message.impersonating) });
    }
  }

  #request(request: QueryRequest | MutationRequest | ActionRequest): ExecutionRequest {
    const identity = request.identity as BackendSyncIdentity;
    return { path: request.udfPath, args: request.args, identity: identity.identity, isAdmin: identity.isAdmin, caller: 'Websocket' };
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

function failure(outcome: ErrorOutcome): { ok: false; errorMessage: string; errorDataJson?: string | undefined; logLines: string[] } {
  return { ok: false, errorMessage: outcome.errorMessage, errorDataJson: outcome.errorDataJson, logLines: outcome.logLines.map(formatLogLine) };
}

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
