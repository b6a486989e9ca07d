import type { NodeExecutor } from '@selfhost/function-runner';

/**
 * Gives `"use node"` actions their own time limit (`NODE_ACTION_USER_TIMEOUT_SECS`): the runner
 * hands every Node job the isolate actions' limit (`V8_ACTION_USER_TIMEOUT_SECS`), and Convex
 * sets the two separately.
 *
 * @example
 * const nodeExecutor = withNodeActionTimeout(new NodeProcessExecutor(), 600_000);
 */
export function withNodeActionTimeout(executor: NodeExecutor, timeoutMs: number): NodeExecutor {
  return {
    runAction: (job) => executor.runAction({ ...job, timeoutMs }),
    analyze: (input) => executor.analyze(input),
    stop: () => executor.stop(),
  };
}
