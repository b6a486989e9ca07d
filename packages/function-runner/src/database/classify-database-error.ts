import { isDatabaseError } from '@selfhost/database';
import { developerError } from '../errors/developer-error.ts';
import { functionRunnerErrorFromUnknown, isFunctionRunnerError } from '../errors/function-runner-error.ts';
import { isDeveloperDatabaseErrorCode } from './database-udf-transaction.ts';

/**
 * Sorts what a transaction threw: database errors of the 400 class (bad id, missing
 * document, schema violation, limit exceeded, read-only transaction, …) are the function's
 * fault and become developer errors; conflicts and storage failures stay system errors
 * (thrown to the caller unchanged, so it can retry OCC conflicts).
 *
 * @example
 * ```ts
 * try { await transaction.delete(id); } catch (error) { throw classifyDatabaseError(error); }
 * ```
 * @internal
 */
export function classifyDatabaseError(error: unknown): unknown {
  if (isFunctionRunnerError(error)) return error;
  if (isDatabaseError(error)) {
    return isDeveloperDatabaseErrorCode(error.code) || (error.code as string) === 'ReadOnlyTransaction' ? developerError(error.message, { cause: error }) : error;
  }
  // Values-level errors (a malformed value in a write) are the function's fault too.
  if (error instanceof Error && error.name === 'ValuesError') return developerError(error.message, { cause: error });
  return functionRunnerErrorFromUnknown(error, 'DATABASE');
}
