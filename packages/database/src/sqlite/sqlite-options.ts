/**
 * How to open the SQLite store.
 *
 * @example
 * ```ts
 * await openSqlitePersistence({ path: '/var/lib/selfhost/db.sqlite3', synchronous: 'FULL' });
 * await openSqlitePersistence({ path: ':memory:' }); // tests
 * ```
 */
export interface SqliteOptions {
  /** The database file, or `':memory:'`. Its directory is created if missing. */
  readonly path: string;
  /**
   * `PRAGMA synchronous`. Default `'FULL'`: an acknowledged commit survives power loss. `'NORMAL'`
   * survives a process crash but may lose the last commits on power loss.
   */
  readonly synchronous?: 'FULL' | 'NORMAL' | 'OFF' | undefined;
  /** Page cache size in KiB (`PRAGMA cache_size = -N`). Default 65,536 (64 MiB). */
  readonly cacheSizeKiB?: number | undefined;
}
