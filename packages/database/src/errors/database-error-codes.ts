/**
 * Every {@link DatabaseError} code, with the HTTP status a caller should use and whether the
 * operation may be retried from scratch (OCC: re-run the whole transaction). The one table that
 * maps codes (STYLE.md habit 21).
 *
 * @example
 * ```ts
 * DATABASE_ERROR_CODES.OptimisticConcurrencyControlFailure.retryable; // true
 * ```
 */
export const DATABASE_ERROR_CODES = Object.freeze({
  /** A read of this transaction was overwritten by a later commit. Re-run the transaction. */
  OptimisticConcurrencyControlFailure: { status: 409, retryable: true },
  /** The snapshot or read set is older than the retention window. Re-run at a newer timestamp. */
  OutOfRetention: { status: 409, retryable: true },
  /** A table that does not exist where one is required (system tables, explicit lookups). */
  TableNotFound: { status: 400, retryable: false },
  /** An index that does not exist, or is not ready (backfilling or staged). */
  IndexNotFound: { status: 400, retryable: false },
  /** A range expression that does not fit its index (semantics §3.2). */
  InvalidIndexRange: { status: 400, retryable: false },
  /** A malformed serialized query, filter expression or pagination argument. */
  InvalidQuery: { status: 400, retryable: false },
  /** A filter expression that failed to evaluate (bad arithmetic, non-boolean in `$and`…). */
  EvalError: { status: 400, retryable: false },
  /** A pagination cursor that is malformed, tampered with, or from another query. */
  InvalidCursor: { status: 400, retryable: false },
  /** A document that breaks the value rules (field names, system fields, undefined…). */
  InvalidDocument: { status: 400, retryable: false },
  /** A string that is not a document id, or an id of another table. */
  InvalidId: { status: 400, retryable: false },
  /** patch/replace/delete of a document that does not exist. */
  NonexistentDocument: { status: 400, retryable: false },
  /** A user write to a `_`-prefixed system table, or an invalid table name. */
  InvalidTable: { status: 400, retryable: false },
  /** A write that does not match the active schema (`schemaValidation: true`). */
  SchemaEnforcementError: { status: 400, retryable: false },
  /** A schema that cannot be applied (bad JSON, bad index definitions). */
  InvalidSchema: { status: 400, retryable: false },
  /** One of the limits in {@link DatabaseLimits} was exceeded; the message names it and its value. */
  LimitExceeded: { status: 400, retryable: false },
  /** The transaction was already committed or aborted. */
  TransactionClosed: { status: 500, retryable: false },
  /** A write in a read-only transaction (a query). */
  ReadOnlyTransaction: { status: 400, retryable: false },
  /** The database was closed, or stopped after a storage failure it cannot be sure about. */
  DatabaseClosed: { status: 503, retryable: false },
  /** The storage driver failed; see {@link DatabaseError.storageKind}. */
  StorageFailure: { status: 503, retryable: false },
});

/**
 * The string-literal code of a {@link DatabaseError}.
 *
 * @example
 * ```ts
 * const code: DatabaseErrorCode = 'InvalidCursor';
 * ```
 */
export type DatabaseErrorCode = keyof typeof DATABASE_ERROR_CODES;

/**
 * Storage-driver failures, sorted into a small union before they leave the package
 * (STYLE.md habit 24).
 *
 * @example
 * ```ts
 * if (error.storageKind === 'connection') scheduleRestart();
 * ```
 */
export type StorageFailureKind =
  | 'connection'
  | 'unique'
  | 'not_null'
  | 'busy'
  | 'disk_full'
  | 'permission'
  | 'corrupt'
  | 'serialization'
  | 'other';
