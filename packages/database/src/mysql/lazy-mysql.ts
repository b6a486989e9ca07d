// The public entry points of the MySQL/MariaDB store, loading `mysql2` (and the store) on first
// use: a backend on SQLite or PostgreSQL never pays for importing the driver at start-up.
import type { Persistence } from '../persistence/persistence.ts';
import type { MysqlOptions } from './mysql-options.ts';

/**
 * Opens (creating the database and tables if needed) a MySQL 8 / MariaDB 10.11 store.
 *
 * @example
 * ```ts
 * const persistence = await openMysqlPersistence({ url: 'mysql://root@127.0.0.1:3306', database: 'selfhost' });
 * ```
 */
export async function openMysqlPersistence(options: MysqlOptions): Promise<Persistence> {
  const store = await import('./mysql-persistence.ts');
  return await store.openMysqlPersistence(options);
}

/**
 * Drops a database made by the tests (or an operator's cleanup).
 *
 * @example
 * ```ts
 * await dropMysqlDatabase({ url, database: 't_123' });
 * ```
 */
export async function dropMysqlDatabase(options: { readonly url: string; readonly database: string }): Promise<void> {
  const store = await import('./mysql-persistence.ts');
  await store.dropMysqlDatabase(options);
}
