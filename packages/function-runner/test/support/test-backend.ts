// A disposable stand-in for local-backend in tests: a real database (SQLite in memory), a
// runner with a deployment of a bundled fixture app, and the caller's side of the contract
// (begin transactions, commit mutations and retry conflicts, run actions' nested calls).
import { applySchema, isDatabaseError, openDatabase, openSqlitePersistence, type Database } from '@selfhost/database';
import type { JSONValue } from '@selfhost/values';
import { createUdfTransaction } from '../../src/database/database-udf-transaction.ts';
import type { Deployment } from '../../src/deployment.ts';
import type { ActionHost, NestedFunctionCall } from '../../src/execution/action-host.ts';
import type { Identity } from '../../src/execution/identity.ts';
import type { RunResult } from '../../src/execution/run-types.ts';
import { FunctionRunner, type FunctionRunnerOptions } from '../../src/function-runner.ts';
import type { ModuleConfig } from '../../src/modules/module-config.ts';
import type { DeploymentAnalysis } from '../../src/analysis/deployment-analysis.ts';

/**
 * Options of {@link TestBackend.start}.
 *
 * @example
 * ```ts
 * const options: TestBackendOptions = { modules };
 * ```
 */
export interface TestBackendOptions {
  readonly modules: readonly ModuleConfig[];
  readonly runner?: FunctionRunnerOptions;
  readonly environmentVariables?: Readonly<Record<string, string>>;
}

/**
 * The backend of a test.
 *
 * @example
 * ```ts
 * await using backend = await TestBackend.start({ modules });
 * const result = await backend.query('messages:list', { channel: 'a' });
 * ```
 */
export class TestBackend {
  readonly db: Database;
  readonly runner: FunctionRunner;
  readonly deployment: Deployment;
  readonly analysis: DeploymentAnalysis;
  readonly actionHost: ActionHost;

  private constructor(parts: { db: Database; runner: FunctionRunner; deployment: Deployment }) {
    this.db = parts.db;
    this.runner = parts.runner;
    this.deployment = parts.deployment;
    this.analysis = parts.deployment.analysis;
    this.actionHost = { runFunction: (call) => this.#runNested(call) };
  }

  static async start(options: TestBackendOptions): Promise<TestBackend> {
    const db = await openDatabase({ persistence: await openSqlitePersistence({ path: ':memory:' }), cursorKey: 'function-runner-tests-cursor-key-000' });
    const runner = new FunctionRunner(options.runner);
    const analyzed = await runner.analyze({ modules: options.modules, environmentVariables: options.environmentVariables ?? {} });
    if (analyzed.status !== 'success') throw new Error(`analysis failed: ${analyzed.errorMessage}`);
    if (analyzed.analysis.schema !== null) await applySchema(db, analyzed.analysis.schema);
    const deployment = await runner.loadDeployment({
      modules: options.modules,
      analysis: analyzed.analysis,
      environmentVariables: options.environmentVariables ?? {},
    });
    return new TestBackend({ db, runner, deployment });
  }

  /** Runs a query in a read-only transaction. */
  async query(
    path: string,
    args: JSONValue = {},
    options: { readonly identity?: Identity; readonly visibility?: 'public' | 'internal'; readonly journal?: string | null } = {},
  ): Promise<RunResult> {
    const tx = this.db.begin({ readOnly: true });
    try {
      return await this.deployment.run({ udfType: 'query', path, args, transaction: createUdfTransaction(tx), ...options });
    } finally {
      tx.abort();
    }
  }

  /** Runs a mutation: commits it when it succeeds, retries conflicts (the caller's job). */
  async mutation(path: string, args: JSONValue = {}, options: { readonly identity?: Identity; readonly visibility?: 'public' | 'internal' } = {}): Promise<RunResult> {
    for (let attempt = 0; ; attempt++) {
      const tx = this.db.begin();
      try {
        const result = await this.deployment.run({ udfType: 'mutation', path, args, transaction: createUdfTransaction(tx), ...options });
        if (result.outcome.status === 'success') await tx.commit();
        else tx.abort();
        return result;
      } catch (error) {
        tx.abort();
        if (!(isDatabaseError(error) && error.retryable) || attempt >= 4) throw error;
      }
    }
  }

  /** Runs an action; its nested calls run through {@link actionHost}. */
  async action(path: string, args: JSONValue = {}, options: { readonly identity?: Identity; readonly visibility?: 'public' | 'internal' } = {}): Promise<RunResult> {
    return await this.deployment.run({ udfType: 'action', path, args, actionHost: this.actionHost, ...options });
  }

  async #runNested(call: NestedFunctionCall): Promise<RunResult> {
    const options = { identity: call.identity, visibility: 'internal' as const };
    const args = JSON.parse(call.args) as JSONValue;
    switch (call.udfType) {
      case 'query':
        return await this.query(call.path, args, options);
      case 'mutation':
        return await this.mutation(call.path, args, options);
      case 'action':
        return await this.action(call.path, args, options);
    }
  }

  async [Symbol.asyncDispose](): Promise<void> {
    await this.runner.stop();
    await this.db.close();
  }
}

/**
 * The value of a successful run, parsed; throws with the error message otherwise.
 *
 * @example
 * ```ts
 * const messages = valueOf(await backend.query('messages:list', { channel: 'a' }));
 * ```
 */
export function valueOf(result: RunResult): unknown {
  if (result.outcome.status !== 'success') throw new Error(`expected success, got: ${result.outcome.errorMessage}`);
  return JSON.parse(result.outcome.value) as unknown;
}

/**
 * The error message of a failed run; throws when it succeeded.
 *
 * @example
 * ```ts
 * expect(errorOf(await backend.query('basics:boom'))).toContain('boom');
 * ```
 */
export function errorOf(result: RunResult): string {
  if (result.outcome.status !== 'error') throw new Error(`expected an error, got: ${result.outcome.value}`);
  return result.outcome.errorMessage;
}
