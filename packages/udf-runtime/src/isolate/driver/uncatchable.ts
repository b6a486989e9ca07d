import type { SerializedUserError } from '../../bridge/driver-status.ts';

let fatal: SerializedUserError | undefined;

/**
 * Fails the current execution with a developer error that user code cannot catch (the
 * reference runtime's "uncatchable developer error"): the error is recorded before it is
 * thrown, so a `try`/`catch` in user code does not save the execution.
 *
 * @example
 * ```ts
 * failUncatchable("Can't use setTimeout in queries and mutations.");
 * ```
 * @internal
 */
export function failUncatchable(message: string): never {
  fatal ??= { message };
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
