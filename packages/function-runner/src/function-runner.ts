import type { AnalyzeResult } from './analysis/analyze-modules.ts';
import { analyzeModules } from './analysis/analyze-modules.ts';
import type { DeploymentAnalysis } from './analysis/deployment-analysis.ts';
import { DEFAULT_RUNNER_LIMITS, type RunnerLimits } from './config/runner-limits.ts';
import { newUdfConfig, type UdfConfig } from './config/udf-config.ts';
import { Deployment } from './deployment.ts';
import { FunctionRunnerError } from './errors/function-runner-error.ts';
import type { IsolatePoolOptions } from './isolates/isolate-pool.ts';
import type { ModuleConfig } from './modules/module-config.ts';
import { ModuleSet } from './modules/module-set.ts';
import type { NodeExecutor } from './node-executor/node-executor.ts';
import type { FetchPolicy } from './runtime-ops/fetch-policy.ts';

/**
 * How a {@link FunctionRunner} is set up; every field has a default.
 *
 * @example
 * ```ts
 * const options: FunctionRunnerOptions = { limits: { queryTimeoutMs: 2000 }, pool: { maxIsolates: 8 } };
 * ```
 */
export interface FunctionRunnerOptions {
  readonly limits?: Partial<RunnerLimits>;
  readonly pool?: Partial<IsolatePoolOptions>;
  /** Contexts each idle isolate keeps prepared (fresh context + runtime + hot modules). Default 2. */
  readonly readyContextsPerIsolate?: number;
  /** The `convex` npm version this backend speaks (`udfConfig.serverVersion`). */
  readonly serverVersion?: string;
  /** Name reported by `ctx.meta.getDeploymentMetadata()`. */
  readonly deploymentName?: string;
  /** Runs `"use node"` actions; without one they fail with an error that says so. */
  readonly nodeExecutor?: NodeExecutor | null;
  /** The network policy of actions' `fetch` (default: any http(s) URL). */
  readonly fetchPolicy?: FetchPolicy;
}

/**
 * A module set to load (compat spec §2.3), with what it was pushed with.
 *
 * @example
 * ```ts
 * const spec: LoadDeploymentSpec = { modules, environmentVariables: { KEY: 'v' } };
 * ```
 */
export interface LoadDeploymentSpec {
  readonly modules: readonly ModuleConfig[];
  readonly environmentVariables?: Readonly<Record<string, string>>;
  /** The push's `udfConfig`; a fresh one when absent. */
  readonly udfConfig?: UdfConfig;
  /** The push-time analysis; computed (by importing every module) when absent. */
  readonly analysis?: DeploymentAnalysis;
}

const DEFAULT_POOL: IsolatePoolOptions = Object.freeze({ minIsolates: 2, maxIsolates: 16, leaseTimeoutMs: 5_000 });

/**
 * The function runtime's entry point: it analyzes pushed modules and loads deployments,
 * each of which runs functions in warm isolated-vm isolates. It knows nothing about HTTP or
 * sync: callers hand it modules, environment variables, identities and database
 * transactions. It has the `Service` shape (`run`/`stop`/`drain`).
 *
 * @example
 * ```ts
 * const runner = new FunctionRunner();
 * const deployment = await runner.loadDeployment({ modules });
 * const result = await deployment.run({ udfType: 'query', path: 'messages:list', args: {}, transaction });
 * await runner.stop();
 * ```
 */
export class FunctionRunner {
  readonly name = 'function-runner';
  readonly limits: RunnerLimits;
  readonly #options: FunctionRunnerOptions;
  readonly #deployments = new Set<Deployment>();
  #stopped = false;
  #resolveRun: (() => void) | null = null;

  constructor(options: FunctionRunnerOptions = {}) {
    this.#options = options;
    this.limits = Object.freeze({ ...DEFAULT_RUNNER_LIMITS, ...options.limits });
  }

  /** A fresh `udfConfig` for a push. */
  newUdfConfig(): UdfConfig {
    return newUdfConfig(this.#options.serverVersion ?? '1.48.0');
  }

  /**
   * Push-time analysis (compat spec §4.5): imports every module in a fresh isolate and
   * reports functions, routes, crons, schema and auth config — or the error that makes the
   * push fail.
   */
  async analyze(spec: LoadDeploymentSpec): Promise<AnalyzeResult> {
    this.#assertRunning();
    const modules = new ModuleSet(spec.modules);
    const executor = this.#options.nodeExecutor ?? null;
    return await analyzeModules({
      modules,
      environmentVariables: spec.environmentVariables ?? {},
      udfConfig: spec.udfConfig ?? this.newUdfConfig(),
      limits: this.limits,
      analyzeNode: executor === null ? undefined : (paths) => executor.analyze({ modules, paths, environmentVariables: spec.environmentVariables ?? {} }),
    });
  }

  /**
   * Loads a module set: analyzes it if no analysis is given, then starts its isolate pool.
   * Throws when the analysis fails (analyze first to report push errors).
   */
  async loadDeployment(spec: LoadDeploymentSpec): Promise<Deployment> {
    this.#assertRunning();
    const udfConfig = spec.udfConfig ?? spec.analysis?.udfConfig ?? this.newUdfConfig();
    let analysis = spec.analysis;
    if (analysis === undefined) {
      const result = await this.analyze({ ...spec, udfConfig });
      if (result.status === 'error') throw new FunctionRunnerError('INTERNAL', `The modules cannot be loaded: ${result.errorMessage}`);
      analysis = result.analysis;
    }
    const deployment = new Deployment({
      name: this.#options.deploymentName ?? 'local',
      modules: new ModuleSet(spec.modules),
      analysis,
      udfConfig,
      environmentVariables: { ...spec.environmentVariables },
      limits: this.limits,
      pool: { ...DEFAULT_POOL, ...this.#options.pool },
      readyContexts: this.#options.readyContextsPerIsolate ?? 2,
      nodeExecutor: this.#options.nodeExecutor ?? null,
      fetchPolicy: this.#options.fetchPolicy ?? {},
    });
    this.#deployments.add(deployment);
    return deployment;
  }

  /** Stops a deployment that was replaced by a newer push. */
  unloadDeployment(deployment: Deployment): void {
    this.#deployments.delete(deployment);
    deployment.stop();
  }

  /** `Service.run`: resolves once the runner is stopped. */
  run(): Promise<void> {
    if (this.#stopped) return Promise.resolve();
    return new Promise((resolve) => {
      this.#resolveRun = resolve;
    });
  }

  /** `Service.drain`: waits until no execution is running. */
  async drain(): Promise<void> {
    while ([...this.#deployments].some((deployment) => deployment.inFlight > 0)) {
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }

  /** `Service.stop`: disposes every isolate and the Node executor. */
  async stop(): Promise<void> {
    this.#stopped = true;
    for (const deployment of this.#deployments) deployment.stop();
    this.#deployments.clear();
    await this.#options.nodeExecutor?.stop();
    this.#resolveRun?.();
  }

  #assertRunning(): void {
    if (this.#stopped) throw new FunctionRunnerError('STOPPED', 'The function runner was stopped');
  }
}
