import type { SystemTableDefinition } from './catalog/system-tables.ts';
import type { WriteLogRetention } from './commit/write-log.ts';
import type { DatabaseLimits } from './limits/database-limits.ts';
import type { Persistence } from './persistence/persistence.ts';
import type { RetentionOptions } from './retention/retention-options.ts';

/**
 * Options of `openDatabase()`.
 *
 * @example
 * ```ts
 * await openDatabase({
 *   persistence: await openSqlitePersistence({ path: 'data/db.sqlite3' }),
 *   cursorKey: instanceSecret,          // ≥ 16 bytes; signs pagination cursors
 *   limits: { maxReadDocuments: 64_000 },
 *   retention: { windowMs: 4 * 60_000 },
 * });
 * ```
 */
export interface DatabaseOptions {
  readonly persistence: Persistence;
  /** Secret (≥ 16 bytes) for pagination cursor HMACs; keep it stable across restarts. */
  readonly cursorKey: Uint8Array | string;
  /** Raise or lower limits; unspecified ones keep their defaults. */
  readonly limits?: Partial<DatabaseLimits> | undefined;
  /** How long old versions stay readable, and how retention runs. */
  readonly retention?: Partial<RetentionOptions> | undefined;
  /** How long the in-memory write log keeps commits (subscriptions, OCC, snapshot reads). */
  readonly writeLog?: Partial<WriteLogRetention> | undefined;
  /** Extra system tables (created at open if missing), besides `_scheduled_functions` and `_storage`. */
  readonly systemTables?: readonly SystemTableDefinition[] | undefined;
}
