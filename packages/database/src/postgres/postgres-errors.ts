import { DatabaseError } from '../errors/database-error.ts';
import type { StorageFailureKind } from '../errors/database-error-codes.ts';

const CONNECTION_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  'EHOSTUNREACH',
  '57P01',
  '57P02',
  '57P03',
  '08000',
  '08003',
  '08006',
  '08001',
  '08004',
]);

/**
 * Sorts a node-postgres failure into a {@link StorageFailureKind} by SQLSTATE (habit 24).
 *
 * @internal
 * @example
 * ```ts
 * postgresFailureKind({ code: '23505' }); // 'unique'
 * ```
 */
export function postgresFailureKind(error: unknown): StorageFailureKind {
  const code =
    typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : '';
  if (code === '23505') return 'unique';
  if (code === '23502') return 'not_null';
  if (code === '40001' || code === '40P01') return 'serialization';
  if (code === '53100') return 'disk_full';
  if (code === '42501' || code === '28000' || code === '28P01') return 'permission';
  if (code === 'XX001' || code === 'XX002') return 'corrupt';
  if (code === '55P03' || code === '57014') return 'busy';
  if (
    CONNECTION_CODES.has(code) ||
    (error instanceof Error && /Connection terminated|connect/i.test(error.message))
  )
    return 'connection';
  return 'other';
}

/**
 * Wraps a node-postgres failure as `DatabaseError('StorageFailure')`.
 *
 * @internal
 * @example
 * ```ts
 * catch (e) { throw postgresError(e, 'write'); }
 * ```
 */
export function postgresError(error: unknown, operation: string): DatabaseError {
  if (error instanceof DatabaseError) return error;
  const kind = postgresFailureKind(error);
  const message = error instanceof Error ? error.message : String(error);
  return new DatabaseError(
    'StorageFailure',
    `PostgreSQL ${operation} failed (${kind}): ${message}`,
    { cause: error, storageKind: kind },
  );
}
