import type { Database } from '@selfhost/database';
import type { DeploymentAnalysis, FunctionRunner, ModuleConfig } from '@selfhost/function-runner';
import { readEnvironment } from './environment-store.ts';
import { readDeploymentRecord, type DeploymentRecord } from './deployment-record.ts';
import { LoadedDeployment } from './loaded-deployment.ts';
import { loadModuleBlob } from './module-blob-store.ts';
import { sessionRequests } from './session-requests.ts';

/** The user's modules and analysis as a push produced them, ready to load. */
export interface DeployableCode {
  readonly record: DeploymentRecord;
  readonly modules: readonly ModuleConfig[];
}

/**
 * Holds the deployment that serves requests: the user's last push plus the built-in system
 * functions, loaded into the function runner. A finished push or an environment change swaps
 * it; listeners (the sync engine) then re-run every subscription, since code and `process.env`
 * may change any result.
 *
 * @example
 * const active = await ActiveDeployment.open({ db, runner, systemModules });
 * active.current().kindOf('messages:list');
 */
export class ActiveDeployment {
  readonly sessionRequests = sessionRequests;
  readonly #runner: FunctionRunner;
  readonly #systemModules: readonly ModuleConfig[];
  readonly #systemAnalysis: DeploymentAnalysis['modules'];
  readonly #listeners = new Set<() => void>();
  readonly #systemEnvironment: Readonly<Record<string, string>>;
  #current: LoadedDeployment;
  #record: DeploymentRecord | null;

  private constructor(parts: {
    runner: FunctionRunner;
    systemModules: readonly ModuleConfig[];
    systemAnalysis: DeploymentAnalysis['modules'];
    systemEnvironment: Readonly<Record<string, string>>;
    current: LoadedDeployment;
    record: DeploymentRecord | null;
  }) {
    this.#runner = parts.runner;
    this.#systemEnvironment = parts.systemEnvironment;
    this.#systemModules = parts.systemModules;
    this.#systemAnalysis = parts.systemAnalysis;
    this.#current = parts.current;
    this.#record = parts.record;
  }

  /** Analyzes the system functions and loads whatever the database says is deployed. */
  static async open(deps: {
    readonly db: Database;
    readonly runner: FunctionRunner;
    readonly systemModules: readonly ModuleConfig[];
    /** Their analysis, when known (see `analyzeSystemModules`); analyzed here otherwise. */
    readonly systemAnalysis?: DeploymentAnalysis['modules'];
    /** Variables every function sees besides the deployment's own (`CONVEX_CLOUD_URL`, …). */
    readonly systemEnvironment?: Readonly<Record<string, string>>;
  }): Promise<ActiveDeployment> {
    const systemEnvironment = deps.systemEnvironment ?? {};
    const systemAnalysis = deps.systemAnalysis ?? (await analyzeOrThrow(deps.runner, deps.systemModules));
    const tx = deps.db.begin({ readOnly: true });
    let record: DeploymentRecord | null;
    let userModules: ModuleConfig[];
    let env: Record<string, string>;
    try {
      record = await readDeploymentRecord(tx);
      env = await readEnvironment(tx);
      userModules = record === null ? [] : await loadModules(tx, record);
    } finally {
      tx.abort();
    }
    const runner = await deps.runner.loadDeployment({
      modules: [...userModules, ...deps.systemModules],
      environmentVariables: { ...env, ...systemEnvironment },
      ...(record === null ? {} : { udfConfig: record.udfConfig }),
      analysis: combinedAnalysis(deps.runner, record, systemAnalysis),
    });
    return new ActiveDeployment({ ...deps, systemAnalysis, systemEnvironment, current: new LoadedDeployment(runner, nodeModulePaths(userModules)), record });
  }

  current(): LoadedDeployment {
    return this.#current;
  }

  /** What is deployed (null before the first push). */
  record(): DeploymentRecord | null {
    return this.#record;
  }

  /** Serves a finished push: loads it, swaps it in, lets the old isolates finish and stop. */
  /** The deployment's variables plus the system ones, which the deployment cannot override. */
  environmentFor(env: Readonly<Record<string, string>>): Record<string, string> {
    return { ...env, ...this.#systemEnvironment };
  }

  async install(code: DeployableCode, env: Readonly<Record<string, string>>): Promise<void> {
    const runner = await this.#runner.loadDeployment({
      modules: [...code.modules, ...this.#systemModules],
      environmentVariables: this.environmentFor(env),
      udfConfig: code.record.udfConfig,
      analysis: combinedAnalysis(this.#runner, code.record, this.#systemAnalysis),
    });
    const previous = this.#current;
    this.#current = new LoadedDeployment(runner, nodeModulePaths(code.modules));
    this.#record = code.record;
    this.#notify();
    void this.#retire(previous);
  }

  /** Lets executions still running on replaced code finish (bounded), then frees its isolates. */
  async #retire(previous: LoadedDeployment): Promise<void> {
    const deadline = Date.now() + 30_000;
    while (previous.runner.inFlight > 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
    this.#runner.unloadDeployment(previous.runner);
  }

  /** New environment variables for every later execution. */
  setEnvironment(env: Readonly<Record<string, string>>): void {
    this.#current.runner.setEnvironmentVariables(this.environmentFor(env));
    this.#notify();
  }

  /** Called after every swap or environment change; returns an unsubscribe function. */
  onChange(listener: () => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  stop(): void {
    this.#runner.unloadDeployment(this.#current.runner);
  }

  #notify(): void {
    for (const listener of this.#listeners) listener();
  }
}

function nodeModulePaths(modules: readonly ModuleConfig[]): Set<string> {
  return new Set(modules.filter((module) => module.environment === 'node').map((module) => module.path));
}

async function analyzeOrThrow(runner: FunctionRunner, modules: readonly ModuleConfig[]): Promise<DeploymentAnalysis['modules']> {
  const result = await runner.analyze({ modules });
  if (result.status === 'error') throw new Error(`The built-in system functions failed to load: ${result.errorMessage}`);
  return result.analysis.modules;
}

function combinedAnalysis(runner: FunctionRunner, record: DeploymentRecord | null, systemAnalysis: DeploymentAnalysis['modules']): DeploymentAnalysis {
  const modules: Record<string, DeploymentAnalysis['modules'][string]> = { ...systemAnalysis };
  for (const module of record?.modules ?? []) if (module.analysis !== null) modules[module.path] = module.analysis;
  return {
    modules,
    schema: record?.schema ?? null,
    authConfig: record?.authConfig ?? null,
    crons: record?.crons ?? null,
    udfConfig: record?.udfConfig ?? runner.newUdfConfig(),
  };
}

async function loadModules(tx: Parameters<typeof loadModuleBlob>[0], record: DeploymentRecord): Promise<ModuleConfig[]> {
  const modules: ModuleConfig[] = [];
  for (const module of record.modules) {
    const code = await loadModuleBlob(tx, module.hash);
    if (code === undefined) throw new Error(`The code of deployed module ${module.path} (${module.hash}) is missing from the database.`);
    modules.push({ path: module.path, environment: module.environment, source: code.source, ...(code.sourceMap === undefined ? {} : { sourceMap: code.sourceMap }) });
  }
  return modules;
}
