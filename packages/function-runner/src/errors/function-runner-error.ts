import type { FunctionRunnerErrorCode } from './function-runner-error-codes.ts';

/**
 * The one error class of this package: a system failure while running a function. Its
 * message never contains host stack traces or file paths; the cause (kept for server logs)
 * may.
 *
 * @example
 * ```ts
 * throw new FunctionRunnerError('OVERLOADED', 'No isolate became free within 5000 ms');
 * ```
 */
export class FunctionRunnerError extends Error {
  override readonly name = 'FunctionRunnerError';
  readonly code: FunctionRunnerErrorCode;

  constructor(code: FunctionRunnerErrorCode, message: string, options?: { readonly cause?: unknown }) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
  }
}

/**
 * Narrows an unknown value to a {@link FunctionRunnerError}.
 *
 * @example
 * ```ts
 * if (isFunctionRunnerError(error) && error.code === 'OVERLOADED') retryLater();
 * ```
 */
export function isFunctionRunnerError(value: unknown): value is FunctionRunnerError {
  return value instanceof FunctionRunnerError;
}

/**
 * Turns anything thrown by host machinery into a {@link FunctionRunnerError}, keeping the
 * original as `cause` (and so its stack).
 *
 * @example
 * ```ts
 * try { await work(); } catch (error) { throw functionRunnerErrorFromUnknown(error); }
 * ```
 */
export function functionRunnerErrorFromUnknown(cause: unknown, code: FunctionRunnerErrorCode = 'INTERNAL'): FunctionRunnerError {
  if (cause instanceof FunctionRunnerError) return cause;
  return new FunctionRunnerError(code, code === 'DATABASE' ? 'The database failed while serving a function' : 'Internal error while running a function', { cause });
}
