// Entry point of a `"use node"` worker process (started by the function runner with an IPC
// channel). It runs the deployment's Node-environment actions with real Node.js APIs and the
// same `globalThis.Convex` contract as the isolate runtime; syscalls and console lines travel
// to the host as IPC messages. One action runs at a time, so a crash fails only that action.
import { AsyncLocalStorage } from 'node:async_hooks';
import { analyzeNamespace } from '../isolate/analysis/analyze-namespace.ts';
import { serializeThrown } from '../isolate/errors/serialize-thrown.ts';
import { formatConsoleArgs } from '../shared/inspect.ts';
import type { LogLevel } from '../bridge/log-level.ts';
import type { HostToWorkerMessage, WorkerToHostMessage } from './node-executor-messages.ts';
import { NodeModuleStore } from './node-module-store.ts';

const currentRun = new AsyncLocalStorage<number>();
const pending = new Map<number, { resolve: (text: string) => void; reject: (error: Error) => void }>();
let nextOpId = 1;
let store: NodeModuleStore | null = null;

function send(message: WorkerToHostMessage): void {
  process.send?.(message);
}

function rejection(text: string): Error {
  const payload = JSON.parse(text) as { message?: string; name?: string; data?: string };
  const error = payload.name === 'TypeError' ? new TypeError(payload.message) : new Error(payload.message);
  if (payload.data !== undefined) Object.defineProperty(error, 'data', { value: JSON.parse(payload.data) as unknown, enumerable: true });
  return error;
}

Object.defineProperty(globalThis, 'Convex', {
  value: Object.freeze({
    syscall(op: string): string {
      throw new Error(`Unknown operation ${op}`);
    },
    asyncSyscall(op: string, argsJson: string): Promise<string> {
      const runId = currentRun.getStore();
      if (runId === undefined) return Promise.reject(new Error(`Syscall ${op} can only be used while an action runs`));
      const opId = nextOpId++;
      send({ type: 'syscall', runId, opId, op, argsJson });
      return new Promise((resolve, reject) => pending.set(opId, { resolve, reject }));
    },
    jsSyscall(op: string): unknown {
      throw new Error(`${op} is not available yet on this backend: that subsystem is not built.`);
    },
  }),
  configurable: false,
  writable: false,
});

function captureConsole(): void {
  const levels: [keyof Console, LogLevel][] = [
    ['log', 'LOG'],
    ['info', 'INFO'],
    ['warn', 'WARN'],
    ['error', 'ERROR'],
    ['debug', 'DEBUG'],
  ];
  for (const [method, level] of levels) {
    Object.defineProperty(console, method, {
      value: (...args: unknown[]) => {
        const runId = currentRun.getStore();
        if (runId !== undefined) send({ type: 'log', runId, level, message: formatConsoleArgs(args) });
      },
      configurable: true,
      writable: true,
    });
  }
}

function setEnvironment(env: Readonly<Record<string, string>>): void {
  for (const key of Object.keys(process.env)) Reflect.deleteProperty(process.env, key);
  Object.assign(process.env, env);
}

function errorOf(error: unknown): { message: string; data?: string } {
  const serialized = serializeThrown(error);
  const message = store === null ? serialized.message : store.rewriteStack(serialized.message);
  return serialized.data === undefined ? { message } : { message, data: serialized.data };
}

async function run(message: Extract<HostToWorkerMessage, { type: 'run' }>): Promise<void> {
  setEnvironment(message.env);
  await currentRun.run(message.runId, async () => {
    try {
      if (store === null) throw new Error('No modules were loaded');
      const namespace = await store.import(message.modulePath);
      const fn = namespace[message.exportName] as { isAction?: unknown; invokeAction?: unknown } | undefined;
      if (fn === undefined || typeof fn.invokeAction !== 'function' || fn.isAction !== true) {
        throw new Error(`Couldn't find action "${message.exportName}" in module "${message.modulePath}".`);
      }
      const result: unknown = await (fn.invokeAction as (requestId: string, args: string) => Promise<unknown>)(message.requestId, message.argsJson);
      send({ type: 'done', runId: message.runId, resultJson: typeof result === 'string' ? result : 'null' });
    } catch (error) {
      send({ type: 'done', runId: message.runId, error: errorOf(error) });
    }
  });
}

async function analyze(message: Extract<HostToWorkerMessage, { type: 'analyze' }>): Promise<void> {
  setEnvironment(message.env);
  const results: Record<string, unknown> = {};
  try {
    if (store === null) throw new Error('No modules were loaded');
    for (const path of message.paths) {
      try {
        results[path] = analyzeNamespace(await store.import(path), path);
      } catch (error) {
        throw new Error(`Failed to analyze ${path}: ${errorOf(error).message}`, { cause: error });
      }
    }
    send({ type: 'done', runId: message.runId, resultJson: JSON.stringify(results) });
  } catch (error) {
    send({ type: 'done', runId: message.runId, error: { message: error instanceof Error ? error.message : String(error) } });
  }
}

captureConsole();
process.on('message', (raw: unknown) => {
  const message = raw as HostToWorkerMessage;
  switch (message.type) {
    case 'load':
      store = NodeModuleStore.write(message.modules);
      send({ type: 'ready' });
      break;
    case 'run':
      void run(message);
      break;
    case 'analyze':
      void analyze(message);
      break;
    case 'syscallResult': {
      const waiter = pending.get(message.opId);
      pending.delete(message.opId);
      if (waiter === undefined) break;
      if (message.ok) waiter.resolve(message.text);
      else waiter.reject(rejection(message.text));
      break;
    }
  }
});
send({ type: 'ready' });
