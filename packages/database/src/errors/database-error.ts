import {
  DATABASE_ERROR_CODES,
  type DatabaseErrorCode,
  type StorageFailureKind,
} from './database-error-codes.ts';

/**
 * Extra facts a {@link DatabaseError} may carry.
 *
 * @example
 * ```ts
 * new DatabaseError('NonexistentDocument', 'Delete on nonexistent document ID …', { documentId: id });
 * ```
 */
export interface DatabaseErrorOptions {
  readonly cause?: unknown;
  /** The table involved (conflicts, schema violations, bad writes). */
  readonly tableName?: string | undefined;
  /** The index involved (conflicts, index errors). */
  readonly indexName?: string | undefined;
  /** The document involved, when known. */
  readonly documentId?: string | undefined;
  /** For conflicts: the commit timestamp that overwrote the read. */
  readonly conflictTs?: bigint | undefined;
  /** Path inside the value, for schema and value errors. */
  readonly path?: string | undefined;
  /** For `StorageFailure`: what kind of failure the driver reported. */
  readonly storageKind?: StorageFailureKind | undefined;
}

/**
 * The one error class of `@selfhost/database` (STYLE.md habit 21): a string-literal `code`, a
 * `cause`, and optional facts naming the table, index and document involved.
 *
 * @example
 * ```ts
 * try { await tx.commit(); } catch (e) {
 *   if (isDatabaseError(e) && e.retryable) retry();
 * }
 * ```
 */
export class DatabaseError extends Error {
  override readonly name = 'DatabaseError';
  readonly code: DatabaseErrorCode;
  readonly tableName: string | undefined;
  readonly indexName: string | undefined;
  readonly documentId: string | undefined;
  readonly conflictTs: bigint | undefined;
  readonly path: string | undefined;
  readonly storageKind: StorageFailureKind | undefined;

  constructor(code: DatabaseErrorCode, message: string, options: DatabaseErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.tableName = options.tableName;
    this.indexName = options.indexName;
    this.documentId = options.documentId;
    this.conflictTs = options.conflictTs;
    this.path = options.path;
    this.storageKind = options.storageKind;
  }

  /** Whether re-running the whole transaction may succeed. */
  get retryable(): boolean {
    return DATABASE_ERROR_CODES[this.code].retryable;
  }

  /** The HTTP status a caller should answer with. */
  get httpStatus(): number {
    return DATABASE_ERROR_CODES[this.code].status;
  }
}

/**
 * Narrow guard for {@link DatabaseError}, optionally of one code.
 *
 * @example
 * ```ts
 * if (isDatabaseError(e, 'OptimisticConcurrencyControlFailure')) retry();
 * ```
 */
export function isDatabaseError(error: unknown, code?: DatabaseErrorCode): error is DatabaseError {
  return error instanceof DatabaseError && (code === undefined || error.code === code);
}
