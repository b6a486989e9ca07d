import { FunctionRunnerError } from './function-runner-error.ts';

/**
 * A syscall refused what the function asked (bad id, missing document, forbidden in this
 * function type, …). Inside the runner it becomes a rejected promise or thrown `Error` in
 * user code (catchable, as in the reference runtime), never a thrown error of `run()`.
 *
 * @example
 * ```ts
 * throw developerError('Delete on nonexistent document ID j57…');
 * ```
 * @internal
 */
export function developerError(
  message: string,
  options?: { readonly data?: string; readonly cause?: unknown; readonly name?: 'TypeError' | 'Error' },
): FunctionRunnerError {
  const error = new FunctionRunnerError('DEVELOPER', message, options?.cause === undefined ? undefined : { cause: options.cause });
  if (options?.data !== undefined) Object.defineProperty(error, 'convexErrorData', { value: options.data });
  if (options?.name !== undefined) Object.defineProperty(error, 'isolateErrorName', { value: options.name });
  return error;
}

/**
 * The error class the isolate should throw for a developer error (`Error` by default).
 *
 * @example
 * ```ts
 * isolateErrorNameOf(error); // 'TypeError'
 * ```
 * @internal
 */
export function isolateErrorNameOf(error: FunctionRunnerError): string | undefined {
  const name: unknown = (error as { isolateErrorName?: unknown }).isolateErrorName;
  return typeof name === 'string' ? name : undefined;
}

/**
 * Whether an error is a developer error of a syscall.
 *
 * @example
 * ```ts
 * if (isDeveloperError(error)) rejectInIsolate(error.message);
 * ```
 * @internal
 */
export function isDeveloperError(error: unknown): error is FunctionRunnerError {
  return error instanceof FunctionRunnerError && error.code === 'DEVELOPER';
}

/**
 * The `ConvexError` data (Convex-JSON text) a developer error carries, for failures of nested
 * function calls.
 *
 * @example
 * ```ts
 * const data = convexErrorDataOf(error);
 * ```
 * @internal
 */
export function convexErrorDataOf(error: FunctionRunnerError): string | undefined {
  const data: unknown = (error as { convexErrorData?: unknown }).convexErrorData;
  return typeof data === 'string' ? data : undefined;
}
