import type { SerializedUserError } from '../../bridge/driver-report.ts';
import { hostReport, isHostReachable } from '../host.ts';

// Captured before user code runs: user code may replace JSON's methods in its own context.
const stringify = JSON.stringify;

let fatal: SerializedUserError | undefined;

/**
 * Fails the current execution with a developer error that user code cannot catch (the
 * reference runtime's "uncatchable developer error"): the error is recorded and reported to
 * the host before it is thrown, so a `try`/`catch` in user code does not save the execution.
 * While modules are imported it is only recorded (the driver reports it when the function
 * starts).
 *
 * @example
 * ```ts
 * failUncatchable("Can't use setTimeout in queries and mutations.");
 * ```
 * @internal
 */
export function failUncatchable(message: string): never {
  if (fatal === undefined) {
    fatal = { message };
    if (isHostReachable()) hostReport('fatal', stringify(fatal));
  }
  throw new Error(message);
}

/**
 * The uncatchable failure of the current execution, if any.
 *
 * @example
 * ```ts
 * if (uncatchableFailure() !== undefined) return;
 * ```
 * @internal
 */
export function uncatchableFailure(): SerializedUserError | undefined {
  return fatal;
}
