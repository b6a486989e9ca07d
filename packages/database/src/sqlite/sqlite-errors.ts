import { DatabaseError } from '../errors/database-error.ts';
import type { StorageFailureKind } from '../errors/database-error-codes.ts';

/**
 * Sorts a better-sqlite3 failure into a {@link StorageFailureKind} (habit 24).
 *
 * @internal
 * @example
 * ```ts
 * sqliteFailureKind({ code: 'SQLITE_BUSY' }); // 'busy'
 * ```
 */
export function sqliteFailureKind(error: unknown): StorageFailureKind {
  const code =
    typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : '';
  if (
    code.startsWith('SQLITE_CONSTRAINT_PRIMARYKEY') ||
    code.startsWith('SQLITE_CONSTRAINT_UNIQUE')
  )
    return 'unique';
  if (code.startsWith('SQLITE_CONSTRAINT_NOTNULL')) return 'not_null';
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) return 'busy';
  if (code.startsWith('SQLITE_FULL')) return 'disk_full';
  if (
    code.startsWith('SQLITE_READONLY') ||
    code.startsWith('SQLITE_PERM') ||
    code.startsWith('SQLITE_CANTOPEN')
  )
    return 'permission';
  if (code.startsWith('SQLITE_CORRUPT') || code.startsWith('SQLITE_NOTADB')) return 'corrupt';
  return 'other';
}

/**
 * Wraps a better-sqlite3 failure as `DatabaseError('StorageFailure')`.
 *
 * @internal
 * @example
 * ```ts
 * catch (e) { throw sqliteError(e, 'write'); }
 * ```
 */
export function sqliteError(error: unknown, operation: string): DatabaseError {
  if (error instanceof DatabaseError) return error;
  const kind = sqliteFailureKind(error);
  const message = error instanceof Error ? error.message : String(error);
  return new DatabaseError('StorageFailure', `SQLite ${operation} failed (${kind}): ${message}`, {
    cause: error,
    storageKind: kind,
  });
}
