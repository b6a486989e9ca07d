import { currentExecution } from '../driver/current-execution.ts';
import { runtimeState } from '../runtime-state.ts';

/**
 * Runs one of the runtime's own host operations (`$fetch`, `$subtle`): queued like an async
 * syscall, answered by the host's next step. Resolves with the parsed JSON result.
 *
 * @example
 * ```ts
 * const result = await hostOp('$subtle', { method: 'digest', … });
 * ```
 * @internal
 */
export async function hostOp(op: string, args: unknown): Promise<unknown> {
  if (runtimeState.phase === 'import') throw new Error(`${op.slice(1)} is not available while modules are imported`);
  const json = await currentExecution.ops.start(op, JSON.stringify(args));
  return JSON.parse(json) as unknown;
}
