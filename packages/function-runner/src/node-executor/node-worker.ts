import { fork, type ChildProcess } from 'node:child_process';
import { readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { nodeExecutorEntry, type HostToWorkerMessage, type WorkerToHostMessage } from '@selfhost/udf-runtime';
import { FunctionRunnerError } from '../errors/function-runner-error.ts';
import type { ModuleSet } from '../modules/module-set.ts';

/** Removes the module directories a worker wrote (`<tmp>/selfhost-node-modules/<pid>-<hash>`). */
function removeModuleDirectories(pid: number | undefined): void {
  if (pid === undefined) return;
  const root = path.join(tmpdir(), 'selfhost-node-modules');
  try {
    for (const entry of readdirSync(root)) if (entry.startsWith(`${pid}-`)) rmSync(path.join(root, entry), { recursive: true, force: true });
  } catch {
    // Nothing was written, or it is already gone.
  }
}

type DoneMessage = Extract<WorkerToHostMessage, { type: 'done' }>;

/**
 * Receives what a running job's worker sends: syscalls and console lines.
 *
 * @example
 * ```ts
 * const handlers: WorkerJobHandlers = { syscall: async () => 'null', log: () => undefined };
 * ```
 * @internal
 */
export interface WorkerJobHandlers {
  /** Performs a syscall; resolves with the encoded `ok` flag and text. */
  readonly syscall: (op: string, argsJson: string) => Promise<{ readonly ok: boolean; readonly text: string }>;
  readonly log: (level: Extract<WorkerToHostMessage, { type: 'log' }>['level'], message: string) => void;
}

/**
 * How a job on a worker ended.
 *
 * @example
 * ```ts
 * const end: WorkerJobEnd = { kind: 'crashed', detail: 'exit code 3' };
 * ```
 * @internal
 */
export type WorkerJobEnd = { readonly kind: 'done'; readonly message: DoneMessage } | { readonly kind: 'crashed'; readonly detail: string } | { readonly kind: 'timeout' };

/**
 * One `"use node"` worker process with one deployment's modules loaded. It runs one job at
 * a time; when it dies, only that job fails and the executor starts another process.
 *
 * @example
 * ```ts
 * const worker = await NodeWorker.start({ modules, memoryLimitMb: 512, startTimeoutMs: 10_000 });
 * ```
 * @internal
 */
export class NodeWorker {
  readonly modules: ModuleSet;
  readonly #child: ChildProcess;
  #exit: string | null = null;
  #stderr = '';
  #onMessage: ((message: WorkerToHostMessage) => void) | null = null;
  #onExit: ((detail: string) => void) | null = null;
  #nextRunId = 1;
  busy = false;

  private constructor(child: ChildProcess, modules: ModuleSet) {
    this.#child = child;
    this.modules = modules;
    child.on('message', (message: WorkerToHostMessage) => this.#onMessage?.(message));
    child.stderr?.on('data', (chunk: Buffer) => {
      this.#stderr = (this.#stderr + chunk.toString('utf8')).slice(-4_000);
    });
    child.on('exit', (code, signal) => {
      this.#exit = signal !== null ? `signal ${signal}` : `exit code ${code ?? 'unknown'}`;
      removeModuleDirectories(child.pid);
      this.#onExit?.(this.#exit);
    });
    child.on('error', (error) => {
      this.#exit ??= error.message;
      this.#onExit?.(this.#exit);
    });
  }

  /** Starts a process and loads the deployment's Node modules into it. */
  static async start(input: { readonly modules: ModuleSet; readonly memoryLimitMb: number; readonly startTimeoutMs: number }): Promise<NodeWorker> {
    const entry = nodeExecutorEntry();
    const child = fork(entry.path, [], {
      execArgv: [...entry.execArgv, `--max-old-space-size=${input.memoryLimitMb}`],
      // The worker runs app code with real Node APIs: it gets the deployment's variables per
      // run, never the server's environment (keys, database URLs).
      env: { PATH: process.env['PATH'] ?? '/usr/bin:/bin', NODE_ENV: 'production' },
      stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
    });
    const worker = new NodeWorker(child, input.modules);
    await worker.#waitFor((message) => message.type === 'ready', input.startTimeoutMs);
    const modules = input.modules.modules('node').map((module) => ({ path: module.path, source: module.source }));
    worker.#send({ type: 'load', modules });
    await worker.#waitFor((message) => message.type === 'ready', input.startTimeoutMs);
    return worker;
  }

  /** Whether the process is still alive. */
  get alive(): boolean {
    return this.#exit === null;
  }

  #send(message: HostToWorkerMessage): void {
    this.#child.send(message);
  }

  #waitFor(predicate: (message: WorkerToHostMessage) => boolean, timeoutMs: number): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => fail(`did not start within ${timeoutMs} ms`), timeoutMs);
      const fail = (detail: string): void => {
        clearTimeout(timer);
        this.#onMessage = null;
        this.#onExit = null;
        this.kill();
        reject(new FunctionRunnerError('NODE_EXECUTOR', `The Node.js action process failed to start (${detail})`, { cause: new Error(this.#stderr) }));
      };
      this.#onExit = fail;
      this.#onMessage = (message) => {
        if (!predicate(message)) return;
        clearTimeout(timer);
        this.#onMessage = null;
        this.#onExit = null;
        resolve();
      };
    });
  }

  /** Runs one job (`run` or `analyze`) and waits for its end, serving its syscalls meanwhile. */
  runJob(
    job: Extract<HostToWorkerMessage, { type: 'run' | 'analyze' }> extends infer TJob ? (TJob extends { runId: number } ? Omit<TJob, 'runId'> : never) : never,
    handlers: WorkerJobHandlers,
    timeoutMs: number,
  ): Promise<WorkerJobEnd> {
    const runId = this.#nextRunId++;
    return new Promise<WorkerJobEnd>((resolve) => {
      if (!this.alive) {
        resolve({ kind: 'crashed', detail: this.#exit ?? 'not running' });
        return;
      }
      const finish = (end: WorkerJobEnd): void => {
        clearTimeout(timer);
        this.#onMessage = null;
        this.#onExit = null;
        resolve(end);
      };
      const timer = setTimeout(() => {
        this.kill();
        finish({ kind: 'timeout' });
      }, timeoutMs);
      this.#onExit = (detail) => finish({ kind: 'crashed', detail });
      this.#onMessage = (message) => {
        if (message.type === 'log' && message.runId === runId) handlers.log(message.level, message.message);
        else if (message.type === 'syscall' && message.runId === runId) {
          void handlers.syscall(message.op, message.argsJson).then(({ ok, text }) => {
            if (this.alive) this.#send({ type: 'syscallResult', opId: message.opId, ok, text });
          });
        } else if (message.type === 'done' && message.runId === runId) finish({ kind: 'done', message });
      };
      this.#send({ ...job, runId });
    });
  }

  /**
   * Kills the process. It counts as gone at once: its exit event comes later, and a job sent
   * to it meanwhile would fail with EPIPE instead of going to a fresh worker.
   */
  kill(): void {
    if (!this.alive) return;
    this.#exit = 'killed';
    this.#child.kill('SIGKILL');
  }
}
