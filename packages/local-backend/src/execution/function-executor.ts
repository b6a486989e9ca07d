import { isDatabaseError, type Database, type DatabaseError, type ReadSet, type Transaction } from '@selfhost/database';
import { createUdfTransaction, type ActionHost, type HttpActionRequest, type RunHttpActionResult, type RunResult } from '@selfhost/function-runner';
import type { ActiveDeployment } from '../deployment/active-deployment.ts';
import type { CommitMetrics } from './commit-metrics.ts';
import type { ExecutionLimits, LimitedKind } from './execution-limits.ts';
import type { ExecutionLog } from './execution-log.ts';
import type { ExecutionOutcome, UdfKind } from './execution-outcome.ts';
import type { ExecutionRequest } from './execution-request.ts';
import { SystemExecutionError } from './system-execution-error.ts';

/** How many times a mutation is retried after an OCC conflict before the caller sees an error. */
const occRetries = 4;

/** A query's result, with what sync needs to subscribe it. */
export interface QueryExecution {
  readonly outcome: ExecutionOutcome;
  readonly ts: bigint;
  readonly readSet: ReadSet;
  /** The journal to send with the result (the end cursor of its `.paginate()`, compat §3.4). */
  readonly journal: string | null;
}

/** A mutation's result; `ts` is the commit timestamp of a successful one. */
export interface MutationExecution {
  readonly outcome: ExecutionOutcome;
  readonly ts: bigint | undefined;
}

/** Optional exactly-once key of a WebSocket mutation (compat §3.5). */
export interface IdempotencyKey {
  readonly sessionId: string;
  readonly requestId: number;
}

/** A mutation attempt either finished or hit a conflict worth retrying. */
type MutationAttempt = { readonly done: MutationExecution } | { readonly conflict: DatabaseError };

/** What the executor needs besides the code it runs. */
export interface FunctionExecutorDeps {
  readonly db: Database;
  readonly deployment: ActiveDeployment;
  readonly log: ExecutionLog;
  /** Concurrency limits per kind; none when absent. */
  readonly limits?: ExecutionLimits | undefined;
  /** Commit latency and OCC conflicts, for `/metrics`. */
  readonly commits?: CommitMetrics | undefined;
}

/**
 * Runs functions the way every entry point needs: queries in a read-only transaction at one
 * snapshot (keeping the read set for subscriptions), mutations in a transaction committed with
 * OCC and retried on conflicts, actions with nested calls routed back here. Every execution
 * goes to the log stream and the metrics, and waits for a slot of its kind's concurrency limit
 * (nested actions run in their caller's slot). Function errors are results; system failures
 * throw {@link SystemExecutionError}.
 *
 * @example
 * const { outcome } = await executor.query({ path: 'messages:list', args: {}, identity, isAdmin: false, caller: 'HTTP API' });
 */
export class FunctionExecutor {
  readonly #db: Database;
  readonly #deployment: ActiveDeployment;
  readonly #log: ExecutionLog;
  readonly #limits: ExecutionLimits | undefined;
  readonly #commits: CommitMetrics | undefined;

  constructor(deps: FunctionExecutorDeps) {
    this.#db = deps.db;
    this.#deployment = deps.deployment;
    this.#log = deps.log;
    this.#limits = deps.limits;
    this.#commits = deps.commits;
  }

  /** Which kind of function `path` is, for `/api/function` (or undefined when unknown). */
  kindOf(path: string): UdfKind | undefined {
    return this.#deployment.current().kindOf(path);
  }

  query(request: ExecutionRequest, options: { readonly ts?: bigint | undefined; readonly journal?: string | null | undefined } = {}): Promise<QueryExecution> {
    return this.#limited('query', () => this.#query(request, options));
  }

  async #query(request: ExecutionRequest, options: { readonly ts?: bigint | undefined; readonly journal?: string | null | undefined }): Promise<QueryExecution> {
    const tx = this.#begin({ readOnly: true, readTs: options.ts });
    try {
      const journal = options.journal ?? null;
      const result = await this.#run('query', journal === null ? request : { ...request, journal }, tx);
      return { outcome: outcomeOf(result), ts: tx.snapshotTs, readSet: tx.readSet, journal: result.journal ?? null };
    } finally {
      tx.abort();
    }
  }

  async mutation(request: ExecutionRequest, idempotency?: IdempotencyKey): Promise<MutationExecution> {
    for (let attempt = 0; ; attempt += 1) {
      // The slot is held per attempt, not through the back-off between attempts.
      const result = await this.#limited('mutation', () => this.#mutationAttempt(request, idempotency));
      if ('done' in result) return result.done;
      const conflict = result.conflict;
      this.#commits?.conflicted(conflict.tableName);
      if (attempt >= occRetries) throw systemErrorOf(conflict);
      if (conflict.conflictTs !== undefined) await this.#db.waitForTs(conflict.conflictTs);
      await new Promise((resolve) => setTimeout(resolve, Math.min(2000, 100 * 2 ** attempt) * Math.random()));
    }
  }

  async #mutationAttempt(request: ExecutionRequest, idempotency: IdempotencyKey | undefined): Promise<MutationAttempt> {
    const tx = this.#begin({ readOnly: false });
    try {
      if (idempotency !== undefined) {
        const earlier = await this.#deployment.sessionRequests.find(tx, idempotency);
        if (earlier !== undefined) {
          tx.abort();
          return { done: earlier };
        }
      }
      const result = await this.#run('mutation', request, tx);
      const outcome = outcomeOf(result);
      if (outcome.status === 'error') {
        tx.abort();
        return { done: { outcome, ts: undefined } };
      }
      if (idempotency !== undefined) await this.#deployment.sessionRequests.record(tx, idempotency, outcome);
      const started = performance.now();
      const { ts } = await tx.commit();
      this.#commits?.committed((performance.now() - started) / 1000);
      return { done: { outcome, ts } };
    } catch (error) {
      tx.abort();
      if (isDatabaseError(error) && error.retryable) return { conflict: error };
      throw systemErrorOf(error);
    }
  }

  action(request: ExecutionRequest): Promise<ExecutionOutcome> {
    const kind = this.#deployment.current().isNodeFunction(request.path) ? 'nodeAction' : 'action';
    return this.#limited(kind, () => this.#action(request));
  }

  async #action(request: ExecutionRequest): Promise<ExecutionOutcome> {
    const result = await this.#deployment.current().runAction(request, this.#actionHost(request));
    this.#log.completed(result, request);
    return outcomeOf(result);
  }

  /** Runs the deployed `http.js` router for one request (compat §2.8); always yields a response. */
  httpAction(request: HttpActionRequest, caller: Pick<ExecutionRequest, 'identity' | 'caller'>): Promise<RunHttpActionResult> {
    return this.#limited('httpAction', () => this.#httpAction(request, caller));
  }

  async #httpAction(request: HttpActionRequest, caller: Pick<ExecutionRequest, 'identity' | 'caller'>): Promise<RunHttpActionResult> {
    const base: ExecutionRequest = { path: 'http', args: {}, identity: caller.identity, isAdmin: false, caller: caller.caller };
    const result = await this.#deployment.current().runner.runHttpAction({ request, identity: caller.identity, actionHost: this.#actionHost(base) });
    this.#log.completed(result, caller);
    return result;
  }

  /** How actions reach queries, mutations and other actions: each in its own transaction. */
  #actionHost(parent: ExecutionRequest): ActionHost {
    return {
      runFunction: async (call) => {
        const nested: ExecutionRequest = { ...parent, path: call.path, args: JSON.parse(call.args) as never, identity: call.identity, isAdmin: true, caller: 'Action' };
        if (call.udfType === 'query') return toRunResult(call.path, 'query', (await this.query(nested)).outcome);
        if (call.udfType === 'mutation') return toRunResult(call.path, 'mutation', (await this.mutation(nested)).outcome);
        // A nested action runs in its caller's slot: waiting for a slot of the same kind that
        // the caller holds could deadlock once every slot belongs to a caller.
        return toRunResult(call.path, 'action', await this.#action(nested));
      },
    };
  }

  async #run(kind: 'query' | 'mutation', request: ExecutionRequest, tx: Transaction): Promise<RunResult> {
    const result = await this.#deployment.current().runInTransaction(kind, request, createUdfTransaction(tx));
    this.#log.completed(result, request);
    return result;
  }

  #limited<TResult>(kind: LimitedKind, work: () => Promise<TResult>): Promise<TResult> {
    return this.#limits === undefined ? work() : this.#limits.run(kind, work);
  }

  #begin(options: { readonly readOnly: boolean; readonly readTs?: bigint | undefined }): Transaction {
    try {
      return this.#db.begin(options);
    } catch (error) {
      throw systemErrorOf(error);
    }
  }
}

function outcomeOf(result: RunResult): ExecutionOutcome {
  const { outcome, logLines } = result;
  return outcome.status === 'success'
    ? { status: 'success', valueJson: outcome.value, logLines }
    : { status: 'error', errorMessage: outcome.errorMessage, errorDataJson: outcome.errorData, logLines };
}

function toRunResult(path: string, udfType: UdfKind, outcome: ExecutionOutcome): RunResult {
  return {
    outcome: outcome.status === 'success' ? { status: 'success', value: outcome.valueJson } : { status: 'error', errorMessage: outcome.errorMessage, ...(outcome.errorDataJson === undefined ? {} : { errorData: outcome.errorDataJson }) },
    logLines: outcome.logLines,
    path,
    udfType,
    requestId: '',
    executionTimeMs: 0,
    userTimeMs: 0,
  };
}

function systemErrorOf(error: unknown): SystemExecutionError {
  if (error instanceof SystemExecutionError) return error;
  if (isDatabaseError(error) && error.retryable) {
    return new SystemExecutionError('OptimisticConcurrencyControlFailure', `${error.message} The mutation was retried ${occRetries} times.`, 503);
  }
  return new SystemExecutionError('InternalServerError', 'The backend failed while running this function. Its log has the details.', 500);
}
