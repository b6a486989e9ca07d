import { DatabaseError } from '../errors/database-error.ts';
import type { StorageFailureKind } from '../errors/database-error-codes.ts';

/**
 * Sorts a mysql2 failure into a {@link StorageFailureKind} by its error code (habit 24).
 *
 * @internal
 * @example
 * ```ts
 * mysqlFailureKind({ code: 'ER_DUP_ENTRY' }); // 'unique'
 * ```
 */
export function mysqlFailureKind(error: unknown): StorageFailureKind {
  const code =
    typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : '';
  switch (code) {
    case 'ER_DUP_ENTRY':
      return 'unique';
    case 'ER_BAD_NULL_ERROR':
      return 'not_null';
    case 'ER_LOCK_DEADLOCK':
    case 'ER_LOCK_WAIT_TIMEOUT':
      return 'serialization';
    case 'ER_RECORD_FILE_FULL':
    case 'ER_DISK_FULL':
      return 'disk_full';
    case 'ER_ACCESS_DENIED_ERROR':
    case 'ER_DBACCESS_DENIED_ERROR':
    case 'ER_TABLEACCESS_DENIED_ERROR':
      return 'permission';
    case 'ER_CRASHED_ON_USAGE':
    case 'ER_NOT_KEYFILE':
      return 'corrupt';
    case 'ECONNREFUSED':
    case 'ECONNRESET':
    case 'ETIMEDOUT':
    case 'EPIPE':
    case 'PROTOCOL_CONNECTION_LOST':
    case 'ER_SERVER_SHUTDOWN':
      return 'connection';
    default:
      return 'other';
  }
}

/**
 * Wraps a mysql2 failure as `DatabaseError('StorageFailure')`.
 *
 * @internal
 * @example
 * ```ts
 * catch (e) { throw mysqlError(e, 'write'); }
 * ```
 */
export function mysqlError(error: unknown, operation: string): DatabaseError {
  if (error instanceof DatabaseError) return error;
  const kind = mysqlFailureKind(error);
  const message = error instanceof Error ? error.message : String(error);
  return new DatabaseError('StorageFailure', `MySQL ${operation} failed (${kind}): ${message}`, {
    cause: error,
    storageKind: kind,
  });
}
