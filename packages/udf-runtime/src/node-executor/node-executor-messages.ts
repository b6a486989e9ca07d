import type { LogLevel } from '../bridge/log-level.ts';

/**
 * Messages from the host to a `"use node"` worker process (over Node's IPC channel).
 *
 * - `load`: the deployment's Node modules (written to a private directory, then imported);
 * - `run`: one action (`invokeAction`), with the deployment's environment variables;
 * - `analyze`: push-time analysis of some modules;
 * - `syscallResult`: the answer to a `syscall` message.
 *
 * @example
 * ```ts
 * const message: HostToWorkerMessage = { type: 'run', runId: 1, modulePath: 'a.js', exportName: 'f', argsJson: '[{}]', requestId: 'r', env: {} };
 * ```
 */
export type HostToWorkerMessage =
  | { readonly type: 'load'; readonly modules: readonly { readonly path: string; readonly source: string }[] }
  | {
      readonly type: 'run';
      readonly runId: number;
      readonly modulePath: string;
      readonly exportName: string;
      readonly argsJson: string;
      readonly requestId: string;
      readonly env: Readonly<Record<string, string>>;
    }
  | { readonly type: 'analyze'; readonly runId: number; readonly paths: readonly string[]; readonly env: Readonly<Record<string, string>> }
  | { readonly type: 'syscallResult'; readonly opId: number; readonly ok: boolean; readonly text: string };

/**
 * Messages from a worker to the host.
 *
 * - `ready`: the worker started (or finished loading modules);
 * - `syscall`: `Convex.asyncSyscall` of a running action;
 * - `log`: a console line;
 * - `done`: the outcome of a `run` (`resultJson` or `error`) or `analyze` (`resultJson`).
 *
 * @example
 * ```ts
 * const message: WorkerToHostMessage = { type: 'done', runId: 1, resultJson: '"x"' };
 * ```
 */
export type WorkerToHostMessage =
  | { readonly type: 'ready' }
  | { readonly type: 'syscall'; readonly runId: number; readonly opId: number; readonly op: string; readonly argsJson: string }
  | { readonly type: 'log'; readonly runId: number; readonly level: LogLevel; readonly message: string }
  | { readonly type: 'done'; readonly runId: number; readonly resultJson: string }
  | { readonly type: 'done'; readonly runId: number; readonly error: { readonly message: string; readonly data?: string } };

/**
 * The prefix a worker gives the positions of pushed modules in stack traces, so the host
 * maps them like isolate stacks (`convex:/messages.js:3:7`).
 *
 * @example
 * ```ts
 * NODE_MODULE_ORIGIN; // 'convex:/'
 * ```
 */
export const NODE_MODULE_ORIGIN = 'convex:/';
