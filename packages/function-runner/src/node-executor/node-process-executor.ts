import type { AnalyzedModule, RawModuleAnalysis } from '@selfhost/udf-runtime';
import { locateExports } from '../analysis/locate-exports.ts';
import { FunctionRunnerError } from '../errors/function-runner-error.ts';
import type { ExecutionEnv } from '../execution/execution-env.ts';
import type { NestedRunner } from '../execution/nested-runner.ts';
import { OpDispatcher } from '../execution/op-dispatcher.ts';
import type { RunOutcome } from '../execution/run-types.ts';
import type { ModuleSet } from '../modules/module-set.ts';
import { mapStackText } from '../source-maps/map-stack-text.ts';
import type { NodeActionJob, NodeExecutor } from './node-executor.ts';
import { NodeWorker, type WorkerJobEnd } from './node-worker.ts';
import type { FetchPolicy } from '../runtime-ops/fetch-policy.ts';

/**
 * Sizing and limits of the `"use node"` worker processes.
 *
 * @example
 * ```ts
 * const options: NodeProcessExecutorOptions = { maxWorkers: 4, memoryLimitMb: 512 };
 * ```
 */
export interface NodeProcessExecutorOptions {
  /** Worker processes alive at most (each runs one action at a time). Default 4. */
  readonly maxWorkers?: number;
  /** `--max-old-space-size` of each worker. Default 512 (semantics §9.2). */
  readonly memoryLimitMb?: number;
  /** How long a worker may take to start. Default 15 s. */
  readonly startTimeoutMs?: number;
  /** Network policy of `fetch` made through the host (workers have their own network). */
  readonly fetchPolicy?: FetchPolicy;
}

const NO_NESTED: NestedRunner = {
  maxCallDepth: 0,
  runNested: () => Promise.reject(new FunctionRunnerError('INTERNAL', 'Nested query calls are not available in Node actions')),
};

function outcomeOf(end: WorkerJobEnd, modules: ModuleSet, timeoutMs: number): RunOutcome {
  switch (end.kind) {
    case 'timeout':
      return { status: 'error', errorMessage: `Function execution timed out (maximum duration: ${Math.round(timeoutMs / 1000)}s)` };
    case 'crashed':
      return { status: 'error', errorMessage: `Uncaught Error: The Node.js process running this action exited unexpectedly (${end.detail})` };
    case 'done':
      if ('resultJson' in end.message) return { status: 'success', value: end.message.resultJson };
      return end.message.error.data === undefined
        ? { status: 'error', errorMessage: mapStackText(end.message.error.message, modules) }
        : { status: 'error', errorMessage: mapStackText(end.message.error.message, modules), errorData: end.message.error.data };
  }
}

/**
 * Runs `"use node"` actions in separate Node.js processes (child_process with an IPC
 * channel), like Convex's node executor: the app code gets real Node APIs but never runs in
 * the server process, and calls back into queries and mutations through the same syscalls
 * (`1.0/actions/query|mutation|action`) as isolate actions. A crash fails only the action it
 * was running.
 *
 * @example
 * ```ts
 * const runner = new FunctionRunner({ nodeExecutor: new NodeProcessExecutor({ maxWorkers: 2 }) });
 * ```
 */
export class NodeProcessExecutor implements NodeExecutor {
  readonly #options: Required<Omit<NodeProcessExecutorOptions, 'fetchPolicy'>> & { readonly fetchPolicy: FetchPolicy };
  readonly #workers = new Set<NodeWorker>();
  readonly #waiters: (() => void)[] = [];
  #stopped = false;

  constructor(options: NodeProcessExecutorOptions = {}) {
    this.#options = {
      maxWorkers: options.maxWorkers ?? 4,
      memoryLimitMb: options.memoryLimitMb ?? 512,
      startTimeoutMs: options.startTimeoutMs ?? 15_000,
      fetchPolicy: options.fetchPolicy ?? {},
    };
  }

  async runAction(job: NodeActionJob): Promise<RunOutcome> {
    const worker = await this.#acquire(job.modules);
    const env: ExecutionEnv = {
      udfType: 'action',
      address: job.call.address,
      path: job.call.path,
      identity: job.identity,
      requestId: job.requestId,
      depth: 0,
      transaction: undefined,
      actionHost: job.actionHost,
      logs: job.logs,
      slot: null,
      nested: NO_NESTED,
      queryStreams: new Map(),
      nextQueryId: 1,
      paginated: false,
      previousJournal: null,
      producedJournal: null,
      deploymentName: 'local',
      services: { fetchPolicy: this.#options.fetchPolicy, cryptoKeys: new Map() },
    };
    const dispatcher = new OpDispatcher(env);
    try {
      const end = await worker.runJob(
        {
          type: 'run',
          modulePath: job.call.address.modulePath,
          exportName: job.call.address.exportName,
          argsJson: `[${job.call.argsJson}]`,
          requestId: job.requestId,
          env: job.environmentVariables,
        },
        {
          syscall: (op, argsJson) => dispatcher.performRaw(op, argsJson),
          log: (level, message) => job.logs.add(level, [message]),
        },
        job.timeoutMs,
      );
      const failure = dispatcher.systemFailure;
      if (failure !== undefined) throw failure.error;
      return outcomeOf(end, job.modules, job.timeoutMs);
    } finally {
      this.#release(worker);
    }
  }

  async analyze(input: { readonly modules: ModuleSet; readonly paths: readonly string[]; readonly environmentVariables: Readonly<Record<string, string>> }): Promise<Record<string, AnalyzedModule>> {
    const worker = await this.#acquire(input.modules);
    try {
      const end = await worker.runJob(
        { type: 'analyze', paths: input.paths, env: input.environmentVariables },
        { syscall: () => Promise.resolve({ ok: false, text: JSON.stringify({ message: "Can't use database at import time" }) }), log: () => undefined },
        this.#options.startTimeoutMs,
      );
      if (end.kind !== 'done' || !('resultJson' in end.message)) {
        const detail = end.kind === 'done' && 'error' in end.message ? end.message.error.message : end.kind;
        throw new AnalyzeNodeError(mapStackText(detail, input.modules));
      }
      const raw = JSON.parse(end.message.resultJson) as Record<string, RawModuleAnalysis>;
      const analyzed: Record<string, AnalyzedModule> = {};
      for (const [path, module] of Object.entries(raw)) {
        const config = input.modules.get(path);
        if (config !== undefined) analyzed[path] = locateExports(module, config, input.modules);
      }
      return analyzed;
    } finally {
      this.#release(worker);
    }
  }

  async #acquire(modules: ModuleSet): Promise<NodeWorker> {
    for (;;) {
      if (this.#stopped) throw new FunctionRunnerError('STOPPED', 'The Node.js executor was stopped');
      for (const worker of this.#workers) {
        if (!worker.alive) this.#workers.delete(worker);
        else if (!worker.busy && worker.modules === modules) {
          worker.busy = true;
          return worker;
        }
      }
      if (this.#workers.size >= this.#options.maxWorkers) {
        const idle = [...this.#workers].find((worker) => !worker.busy);
        if (idle !== undefined) {
          this.#workers.delete(idle);
          idle.kill();
        }
      }
      if (this.#workers.size < this.#options.maxWorkers) {
        const worker = await NodeWorker.start({ modules, memoryLimitMb: this.#options.memoryLimitMb, startTimeoutMs: this.#options.startTimeoutMs });
        worker.busy = true;
        this.#workers.add(worker);
        return worker;
      }
      await new Promise<void>((resolve) => this.#waiters.push(resolve));
    }
  }

  #release(worker: NodeWorker): void {
    worker.busy = false;
    if (!worker.alive) this.#workers.delete(worker);
    this.#waiters.shift()?.();
  }

  async stop(): Promise<void> {
    this.#stopped = true;
    for (const worker of this.#workers) worker.kill();
    this.#workers.clear();
    for (const waiter of this.#waiters.splice(0)) waiter();
    await Promise.resolve();
  }
}

/**
 * A `"use node"` module failed push-time analysis.
 *
 * @example
 * ```ts
 * throw new AnalyzeNodeError('Failed to analyze nodeActions.js: …');
 * ```
 * @internal
 */
export class AnalyzeNodeError extends Error {
  override readonly name = 'AnalyzeNodeError';
}
