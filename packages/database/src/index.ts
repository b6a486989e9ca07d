// The public surface of @selfhost/database: a hand-written list of named exports (STYLE.md habit 1).
export { openSqlitePersistence } from './sqlite/sqlite-persistence.ts';
export type { SqliteOptions } from './sqlite/sqlite-options.ts';
export { openDatabase } from './open-database.ts';
export { Database, type BeginOptions, type ReadSetCheck } from './database.ts';
export type { DatabaseOptions } from './database-options.ts';
export {
  Transaction,
  type GetOptions,
  type WriteOptions,
  type TransactionCheckpoint,
} from './transaction/transaction.ts';
export { StoredDocument, type DocumentValue } from './documents/stored-document.ts';
export {
  DatabaseError,
  isDatabaseError,
  type DatabaseErrorOptions,
} from './errors/database-error.ts';
export {
  DATABASE_ERROR_CODES,
  type DatabaseErrorCode,
  type StorageFailureKind,
} from './errors/database-error-codes.ts';
export { databaseErrorFromUnknown } from './errors/database-error-from-unknown.ts';
export { openPostgresPersistence, dropPostgresSchema } from './postgres/lazy-postgres.ts';
export type { PostgresOptions, PostgresSslOptions } from './postgres/postgres-options.ts';
export { openMysqlPersistence, dropMysqlDatabase } from './mysql/lazy-mysql.ts';
export type { MysqlOptions } from './mysql/mysql-options.ts';
export { RetentionService, type RetentionResult } from './retention/retention.ts';
export { DEFAULT_RETENTION, type RetentionOptions } from './retention/retention-options.ts';
export {
  abandonUnfinishedSchemaChanges,
  applySchema,
  diffSchema,
  prepareSchemaChange,
  SchemaChange,
  type SchemaProgress,
  type SchemaViolation,
} from './schema/schema-change.ts';
export type { IndexDiff, IndexDiffEntry } from './schema/index-diff.ts';
export {
  parseSchema,
  type DatabaseSchema,
  type SchemaIndex,
  type SchemaTable,
} from './schema/schema-definition.ts';
export { DEFAULT_LIMITS, resolveLimits, type DatabaseLimits } from './limits/database-limits.ts';
export type { Service } from './service.ts';
export { MAX_TIMESTAMP, makeTimestamp, type Timestamp } from './timestamp.ts'; // re-exported from @selfhost/protocol
export { QueryStream } from './query/query-stream.ts';
export type { PageResult, PaginationOptions } from './query/paginate.ts';
export {
  parseSerializedQuery,
  type QueryOperator,
  type QuerySource,
  type RangeExpression,
  type SerializedQuery,
} from './query/serialized-query.ts';
export { ReadSet } from './transaction/read-set.ts';
export type { MetricUsage, TransactionMetrics } from './transaction/transaction-metrics.ts';
export type { Invalidation, Subscription } from './subscriptions/subscription-manager.ts';
export type { WriteLogEntry, IndexWrites, WriteLogRetention } from './commit/write-log.ts';
export { Catalog, type ActiveSchema } from './catalog/catalog.ts';
export {
  keyFieldsOf,
  type IndexInfo,
  type IndexKind,
  type IndexState,
} from './catalog/index-info.ts';
export { isSystemTableName, type TableInfo } from './catalog/table-info.ts';
export {
  DEFAULT_SYSTEM_TABLES,
  FIRST_USER_TABLE_NUMBER,
  FIRST_SYSTEM_TABLE_NUMBER,
  type SystemTableDefinition,
} from './catalog/system-tables.ts';
export {
  GLOBAL_KEYS,
  PERSISTENCE_VERSION,
  type DeleteBatch,
  type DocumentRow,
  type IndexRow,
  type IndexScanPage,
  type IndexScanRequest,
  type LogEntry,
  type Persistence,
  type RevisionRef,
  type ScannedDocument,
  type ScannedDocumentRevision,
  type WriteBatch,
} from './persistence/persistence.ts';
export type { IndexKey } from './keys/index-key.ts';
export type { KeyInterval } from './keys/interval-set.ts';
