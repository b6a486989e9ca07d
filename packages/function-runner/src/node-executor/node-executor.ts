import type { AnalyzedModule } from '@selfhost/udf-runtime';
import type { ActionHost } from '../execution/action-host.ts';
import type { Identity } from '../execution/identity.ts';
import type { PreparedCall } from '../execution/prepare-call.ts';
import type { RunOutcome } from '../execution/run-types.ts';
import type { LogCollector } from '../logs/log-collector.ts';
import type { ModuleSet } from '../modules/module-set.ts';

/**
 * One `"use node"` action to run.
 *
 * @example
 * ```ts
 * await executor.runAction({ modules, environmentVariables: {}, call, identity, requestId, logs, actionHost, timeoutMs: 600_000 });
 * ```
 * @internal
 */
export interface NodeActionJob {
  readonly modules: ModuleSet;
  readonly environmentVariables: Readonly<Record<string, string>>;
  readonly call: PreparedCall;
  readonly identity: Identity;
  readonly requestId: string;
  readonly logs: LogCollector;
  readonly actionHost: ActionHost | undefined;
  readonly timeoutMs: number;
}

/**
 * Runs `"use node"` actions outside the server process.
 *
 * @example
 * ```ts
 * const outcome = await executor.runAction(job);
 * ```
 * @internal
 */
export interface NodeExecutor {
  runAction(job: NodeActionJob): Promise<RunOutcome>;
  /** Push-time analysis of `"use node"` modules. */
  analyze(input: { readonly modules: ModuleSet; readonly paths: readonly string[]; readonly environmentVariables: Readonly<Record<string, string>> }): Promise<Record<string, AnalyzedModule>>;
  stop(): Promise<void>;
}
