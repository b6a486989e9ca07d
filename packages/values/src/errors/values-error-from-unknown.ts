import type { ValuesErrorCode } from './values-error-codes.ts';
import { ValuesError } from './values-error.ts';

/**
 * Turns anything thrown into a {@link ValuesError} (STYLE.md habit 22). A `ValuesError` is returned
 * as is; anything else becomes one with `code` and keeps the original as `cause` (and so its stack).
 *
 * @example
 * ```ts
 * try {
 *   JSON.parse(text);
 * } catch (cause) {
 *   throw valuesErrorFromUnknown(cause, 'InvalidJson');
 * }
 * ```
 */
export function valuesErrorFromUnknown(cause: unknown, code: ValuesErrorCode): ValuesError {
  if (cause instanceof ValuesError) return cause;
  const message = cause instanceof Error ? cause.message : String(cause);
  return new ValuesError(code, message, { cause });
}
