import { isValuesError } from '@selfhost/values';
import type { DatabaseErrorCode } from './database-error-codes.ts';
import { DatabaseError } from './database-error.ts';

/**
 * Turns anything thrown into a {@link DatabaseError}, keeping the original as `cause` (habit 22).
 * Errors from `@selfhost/values` keep their message and path.
 *
 * @example
 * ```ts
 * try { checkDocument(value); } catch (e) { throw databaseErrorFromUnknown(e, 'InvalidDocument'); }
 * ```
 */
export function databaseErrorFromUnknown(cause: unknown, code: DatabaseErrorCode): DatabaseError {
  if (cause instanceof DatabaseError) return cause;
  if (isValuesError(cause)) {
    const valuesCode = cause.code === 'LimitExceeded' ? 'LimitExceeded' : code;
    return new DatabaseError(valuesCode, cause.message, { cause, path: cause.path });
  }
  const message = cause instanceof Error ? cause.message : String(cause);
  return new DatabaseError(code, message, { cause });
}
