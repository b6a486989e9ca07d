import type { ValuesErrorCode } from './values-error-codes.ts';

/**
 * Options of a {@link ValuesError}.
 *
 * @example
 * ```ts
 * const options: ValuesErrorOptions = { path: '.messages[2]' };
 * ```
 */
export interface ValuesErrorOptions {
  /** Where in the value the problem is, e.g. `args[0].messages[3].$integer`. */
  readonly path?: string | undefined;
  /** The underlying error, if any. */
  readonly cause?: unknown;
}

/**
 * The one error class of `@selfhost/values`. `code` says what kind of problem it is, `path` (when
 * the problem is inside a value) says where, and the message says what, in words.
 *
 * @example
 * ```ts
 * try {
 *   parseDocumentId('nope');
 * } catch (error) {
 *   if (error instanceof ValuesError && error.code === 'InvalidId') console.log(error.message);
 * }
 * ```
 */
export class ValuesError extends Error {
  override readonly name = 'ValuesError';
  /** What kind of problem this is. */
  readonly code: ValuesErrorCode;
  /** Where in the value the problem is, when it is inside a value. */
  readonly path: string | undefined;

  constructor(code: ValuesErrorCode, message: string, options: ValuesErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.path = options.path;
  }
}

/**
 * Whether `error` is a {@link ValuesError}, optionally with the given code.
 *
 * @example
 * ```ts
 * if (isValuesError(error, 'LimitExceeded')) respondWith(400);
 * ```
 */
export function isValuesError(error: unknown, code?: ValuesErrorCode): error is ValuesError {
  return error instanceof ValuesError && (code === undefined || error.code === code);
}
