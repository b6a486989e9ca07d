import { randomUUID } from 'node:crypto';
import type { ExecutionRequest, HttpRequestJson, HttpResponseJson } from '@selfhost/udf-runtime';
import { FunctionIndex } from './analysis/function-index.ts';
import type { DeploymentAnalysis } from './analysis/deployment-analysis.ts';
import type { RunnerLimits } from './config/runner-limits.ts';
import { importSeedWords, type UdfConfig } from './config/udf-config.ts';
import { FunctionRunnerError } from './errors/function-runner-error.ts';
import type { ExecutionEnv } from './execution/execution-env.ts';
import { executionSeed } from './execution/execution-seed.ts';
import { executeInContext } from './execution/execute-in-context.ts';
import type { Identity } from './execution/identity.ts';
import type { NestedRunner, NestedUdfCall } from './execution/nested-runner.ts';
import { checkReturns, idCheckOf, prepareCall, type PreparedCall } from './execution/prepare-call.ts';
import type { RunOutcome, RunRequest, RunResult } from './execution/run-types.ts';
import { TimeBudget } from './execution/time-budget.ts';
import { IsolatePool, type IsolatePoolOptions } from './isolates/isolate-pool.ts';
import { keptContextKey } from './isolates/kept-contexts.ts';
import type { IsolateSlot, SlotShared } from './isolates/isolate-slot.ts';
import { LogCollector } from './logs/log-collector.ts';
import type { ModuleSet } from './modules/module-set.ts';
import type { UdfTransaction } from './database/udf-transaction.ts';
import type { ActionHost } from './execution/action-host.ts';
import type { NodeExecutor } from './node-executor/node-executor.ts';
import type { FetchPolicy } from './runtime-ops/fetch-policy.ts';
import { httpErrorResponse } from './http/http-error-response.ts';
import type { HttpActionResponse, RunHttpActionRequest, RunHttpActionResult } from './http/http-types.ts';
import { matchHttpRoute } from './http/match-http-route.ts';

/**
 * What a deployment is made of.
 *
 * @example
 * ```ts
 * const spec: DeploymentSpec = { modules, analysis, udfConfig, environmentVariables: {} };
 * ```
 * @internal
 */
export interface DeploymentSpec {
  readonly name: string;
  readonly modules: ModuleSet;
  readonly analysis: DeploymentAnalysis;
  readonly udfConfig: UdfConfig;
  readonly environmentVariables: Readonly<Record<string, string>>;
  readonly limits: RunnerLimits;
  readonly pool: IsolatePoolOptions;
  readonly readyContexts: number;
  readonly nodeExecutor: NodeExecutor | null;
  readonly fetchPolicy: FetchPolicy;
}

function contextConfigJson(udfConfig: UdfConfig, env: Readonly<Record<string, string>>): string {
  return JSON.stringify({ importSeed: importSeedWords(udfConfig), importNowMs: udfConfig.importPhaseUnixTimestampMs, env });
}

/**
 * One deployed module set, ready to run its functions: a pool of warm isolates, the
 * push-time analysis (to look functions up and validate arguments) and the environment
 * variables. Create it with `FunctionRunner.loadDeployment`.
 *
 * @example
 * ```ts
 * const result = await deployment.run({ udfType: 'query', path: 'messages:list', args: {}, transaction });
 * if (result.outcome.status === 'success') JSON.parse(result.outcome.value);
 * ```
 */
export class Deployment implements NestedRunner {
  readonly #spec: DeploymentSpec;
  readonly #index: FunctionIndex;
  readonly #shared: SlotShared;
  readonly #pool: IsolatePool;
  #inFlight = 0;

  /** @internal */
  constructor(spec: DeploymentSpec) {
    this.#spec = spec;
    this.#index = new FunctionIndex(spec.analysis.modules);
    this.#shared = {
      modules: spec.modules,
      contextConfigJson: contextConfigJson(spec.udfConfig, spec.environmentVariables),
      configVersion: 1,
      hotModules: new Set(),
      importGraphs: new Map(),
      memoryLimitMb: spec.limits.memoryLimitMb,
      setupTimeoutMs: spec.limits.setupTimeoutMs,
      importTimeoutMs: spec.limits.analyzeTimeoutMs,
      readyContexts: spec.readyContexts,
    };
    this.#pool = new IsolatePool(this.#shared, spec.pool);
  }

  /** The push-time analysis this deployment runs with. */
  get analysis(): DeploymentAnalysis {
    return this.#spec.analysis;
  }

  /** Isolates currently alive (for metrics). */
  get isolateCount(): number {
    return this.#pool.size;
  }

  /** Executions currently running. */
  get inFlight(): number {
    return this.#inFlight;
  }

  /** @internal */
  get maxCallDepth(): number {
    return this.#spec.limits.maxCallDepth;
  }

  /**
   * Replaces the environment variables (`process.env`). Contexts prepared with the old
   * values are discarded; runs that already started keep them.
   */
  setEnvironmentVariables(env: Readonly<Record<string, string>>): void {
    this.#shared.contextConfigJson = contextConfigJson(this.#spec.udfConfig, { ...env });
    this.#shared.configVersion++;
  }

  /**
   * Runs a query, mutation or action. Developer errors (a throw, a failed validation, a
   * limit) are the `error` outcome; system failures are thrown as `FunctionRunnerError`
   * (database errors are rethrown unchanged, so the caller can retry OCC conflicts).
   */
  async run(request: RunRequest): Promise<RunResult> {
    const started = performance.now();
    const requestId = request.requestId ?? randomUUID();
    const identity: Identity = request.identity ?? { kind: 'none' };
    const logs = new LogCollector(this.#spec.limits.logs, request.onLogLine);
    const finish = (path: string, outcome: RunOutcome, userTimeMs: number): RunResult =>
      Object.freeze({
        outcome,
        logLines: logs.lines,
        path,
        udfType: request.udfType,
        requestId,
        executionTimeMs: performance.now() - started,
        userTimeMs,
      });
    const prepared = prepareCall({
      index: this.#index,
      path: request.path,
      udfType: request.udfType,
      args: request.args,
      visibility: request.visibility ?? 'public',
      transaction: request.transaction,
    });
    if (!prepared.ok) return finish(prepared.path, { status: 'error', errorMessage: prepared.errorMessage }, 0);
    const { call } = prepared;
    if (request.udfType !== 'action' && request.transaction === undefined) {
      throw new FunctionRunnerError('INTERNAL', `A ${request.udfType} needs a transaction`);
    }
    if (this.#spec.modules.get(call.address.modulePath)?.environment === 'node') {
      return await this.#runNodeAction(request, call, { requestId, identity, logs, finish });
    }
    this.#inFlight++;
    const keptKey = request.transaction === undefined ? undefined : keptContextKey(call.address.modulePath, identity);
    const slot = await this.#pool.lease(keptKey);
    try {
      const { outcome, userTimeMs, journal } = await this.#execute({
        call,
        slot,
        identity,
        requestId,
        depth: 0,
        logs,
        transaction: request.transaction,
        actionHost: request.actionHost,
        journal: request.journal ?? null,
        keptKey,
      });
      const result = finish(call.path, outcome, userTimeMs);
      return request.transaction === undefined ? result : Object.freeze({ ...result, journal });
    } finally {
      this.#inFlight--;
      this.#pool.release(slot);
    }
  }

  /**
   * Runs an HTTP action (compat spec §4.3): finds the route in `http.js`'s router, runs the
   * handler with a `Request` built from `request`, and returns the `Response` it made. No
   * route gives 404 `No matching routes found` without running anything; a thrown error
   * gives the reference's 500 response. System failures are thrown.
   */
  async runHttpAction(input: RunHttpActionRequest): Promise<RunHttpActionResult> {
    const started = performance.now();
    const requestId = input.requestId ?? randomUUID();
    const logs = new LogCollector(this.#spec.limits.logs, input.onLogLine);
    const { request } = input;
    const routes = this.#index.module('http.js')?.httpRoutes ?? [];
    const route = matchHttpRoute(routes, request.path, request.method);
    const finish = (outcome: RunOutcome, response: HttpActionResponse, userTimeMs: number): RunHttpActionResult =>
      Object.freeze({
        outcome,
        logLines: logs.lines,
        path: route === null ? request.path : `${request.method.toUpperCase()} ${route}`,
        udfType: 'httpAction' as const,
        requestId,
        executionTimeMs: performance.now() - started,
        userTimeMs,
        response,
        route,
      });
    if (route === null) {
      const body = Buffer.from('No matching routes found');
      return finish({ status: 'error', errorMessage: 'No matching routes found' }, { status: 404, statusText: 'Not Found', headers: [['content-type', 'text/plain;charset=UTF-8']], body }, 0);
    }
    const requestJson: HttpRequestJson = {
      url: request.url,
      method: request.method.toUpperCase(),
      headerPairs: request.headers.map(([name, value]) => [name, value] as const),
      body: request.body === null ? null : Buffer.from(request.body).toString('base64'),
    };
    const call: PreparedCall = {
      address: { modulePath: 'http.js', exportName: 'default' },
      path: `${requestJson.method} ${route}`,
      fn: { name: 'default', pos: null, udfType: 'Action', visibility: { kind: 'public' }, args: '{"type":"any"}', returns: 'null' },
      argsJson: '{}',
    };
    this.#inFlight++;
    const slot = await this.#pool.lease();
    try {
      const { outcome, userTimeMs } = await this.#execute({
        call,
        http: { routedPath: request.path, requestJson: JSON.stringify(requestJson) },
        slot,
        identity: input.identity ?? { kind: 'none' },
        requestId,
        depth: 0,
        logs,
        transaction: undefined,
        actionHost: input.actionHost,
        journal: null,
      });
      if (outcome.status === 'error') return finish(outcome, httpErrorResponse(requestId, outcome), userTimeMs);
      const json = JSON.parse(outcome.value) as HttpResponseJson;
      const response: HttpActionResponse = {
        status: json.status,
        statusText: json.statusText,
        headers: json.headerPairs.map(([name, value]) => [name, value] as const),
        body: json.body === null ? null : Buffer.from(json.body, 'base64'),
      };
      return finish(outcome, response, userTimeMs);
    } finally {
      this.#inFlight--;
      this.#pool.release(slot);
    }
  }

  /** @internal `1.0/runUdf`: a nested query or mutation in the caller's isolate and transaction. */
  async runNested(nested: NestedUdfCall): Promise<RunOutcome> {
    const prepared = prepareCall({
      index: this.#index,
      path: nested.path,
      udfType: nested.udfType,
      args: nested.argsJson,
      visibility: 'internal',
      transaction: nested.transaction,
    });
    if (!prepared.ok) return { status: 'error', errorMessage: prepared.errorMessage };
    const { outcome } = await this.#execute({
      call: prepared.call,
      slot: nested.slot,
      identity: nested.identity,
      requestId: nested.requestId,
      depth: nested.depth,
      logs: nested.logs,
      transaction: nested.transaction,
      actionHost: undefined,
      journal: null,
    });
    return outcome;
  }

  async #execute(input: {
    readonly call: PreparedCall;
    /** HTTP actions: the routed path and the request JSON (instead of `call.argsJson`). */
    readonly http?: { readonly routedPath: string; readonly requestJson: string };
    readonly slot: IsolateSlot;
    readonly identity: Identity;
    readonly requestId: string;
    readonly depth: number;
    readonly logs: LogCollector;
    readonly transaction: UdfTransaction | undefined;
    readonly actionHost: ActionHost | undefined;
    /** Top-level queries: the previous run's journal (compat §3.4); null otherwise. */
    readonly journal: string | null;
    /** Where a query's or mutation's context is kept (see `keptContextKey`); derived when omitted. */
    readonly keptKey?: string | undefined;
  }): Promise<{ readonly outcome: RunOutcome; readonly userTimeMs: number; readonly journal: string | null }> {
    const { call, slot } = input;
    const udfType = input.http !== undefined ? 'httpAction' : call.fn.udfType === 'Query' ? 'query' : call.fn.udfType === 'Mutation' ? 'mutation' : 'action';
    const limits = this.#spec.limits;
    const budget =
      udfType === 'action' || udfType === 'httpAction'
        ? TimeBudget.wallTime(limits.actionTimeoutMs)
        : TimeBudget.userTime(udfType === 'query' ? limits.queryTimeoutMs : limits.mutationTimeoutMs);
    this.#shared.hotModules.add(call.address.modulePath);
    const reuse =
      input.transaction === undefined ? undefined : { transaction: input.transaction, key: input.keptKey ?? keptContextKey(call.address.modulePath, input.identity) };
    const context = slot.takeContext(call.address.modulePath, reuse);
    const env: ExecutionEnv = {
      udfType,
      address: call.address,
      path: call.path,
      identity: input.identity,
      requestId: input.requestId,
      depth: input.depth,
      transaction: input.transaction,
      actionHost: input.actionHost,
      logs: input.logs,
      slot,
      nested: this,
      queryStreams: new Map(),
      nextQueryId: 1,
      paginated: false,
      previousJournal: input.journal,
      producedJournal: null,
      deploymentName: this.#spec.name,
      services: { fetchPolicy: this.#spec.fetchPolicy, cryptoKeys: new Map() },
    };
    const request: ExecutionRequest = {
      udfType,
      modulePath: call.address.modulePath,
      exportName: call.address.exportName,
      args: input.http !== undefined ? input.http.requestJson : `[${call.argsJson}]`,
      ...(input.http !== undefined ? { routedPath: input.http.routedPath } : {}),
      requestId: input.requestId,
      seed: executionSeed(),
      nowMs: Date.now(),
    };
    let outcome = await executeInContext({ context, slot, request, env, budget, memoryLimitMb: limits.memoryLimitMb, keptKey: reuse?.key });
    if (outcome.status === 'success' && input.http === undefined) {
      const mismatch = checkReturns(call.fn, outcome.value, idCheckOf(input.transaction));
      if (mismatch !== null) outcome = { status: 'error', errorMessage: mismatch };
    }
    // A failed run that never reached its `.paginate()` keeps the page boundary it had.
    const journal = env.producedJournal ?? (outcome.status === 'error' ? input.journal : null);
    return { outcome, userTimeMs: budget.usedMs, journal };
  }

  async #runNodeAction(
    request: RunRequest,
    call: PreparedCall,
    run: {
      readonly requestId: string;
      readonly identity: Identity;
      readonly logs: LogCollector;
      readonly finish: (path: string, outcome: RunOutcome, userTimeMs: number) => RunResult;
    },
  ): Promise<RunResult> {
    const executor = this.#spec.nodeExecutor;
    if (executor === null) {
      return run.finish(call.path, { status: 'error', errorMessage: `${call.path} is a "use node" action, but this runner has no Node.js executor configured.` }, 0);
    }
    this.#inFlight++;
    try {
      const outcome = await executor.runAction({
        modules: this.#spec.modules,
        environmentVariables: this.#environment(),
        call,
        identity: run.identity,
        requestId: run.requestId,
        logs: run.logs,
        actionHost: request.actionHost,
        timeoutMs: this.#spec.limits.actionTimeoutMs,
      });
      let checked = outcome;
      if (outcome.status === 'success') {
        const mismatch = checkReturns(call.fn, outcome.value, null);
        if (mismatch !== null) checked = { status: 'error', errorMessage: mismatch };
      }
      return run.finish(call.path, checked, 0);
    } finally {
      this.#inFlight--;
    }
  }

  #environment(): Readonly<Record<string, string>> {
    const parsed = JSON.parse(this.#shared.contextConfigJson) as { env: Record<string, string> };
    return parsed.env;
  }

  /** @internal The pool, for HTTP actions. */
  get pool(): IsolatePool {
    return this.#pool;
  }

  /** Disposes every isolate of this deployment. Running executions fail with `STOPPED` once they return their isolate. */
  stop(): void {
    this.#pool.stop();
  }
}
