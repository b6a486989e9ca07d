// The public entry points of the PostgreSQL store, loading `pg` (and the store) on first use:
// a backend on SQLite or MySQL never pays for importing the driver at start-up.
import type { Persistence } from '../persistence/persistence.ts';
import type { PostgresOptions } from './postgres-options.ts';

/**
 * Opens (creating database, schema and tables if needed) a PostgreSQL store.
 *
 * @example
 * ```ts
 * const persistence = await openPostgresPersistence({ url: 'postgres://postgres@127.0.0.1:5432', database: 'selfhost' });
 * ```
 */
export async function openPostgresPersistence(options: PostgresOptions): Promise<Persistence> {
  const store = await import('./postgres-persistence.ts');
  return await store.openPostgresPersistence(options);
}

/**
 * Drops a schema made by the tests (or an operator's cleanup).
 *
 * @example
 * ```ts
 * await dropPostgresSchema({ url, database: 'test', schema: 't_123' });
 * ```
 */
export async function dropPostgresSchema(options: {
  readonly url: string;
  readonly database: string;
  readonly schema: string;
}): Promise<void> {
  const store = await import('./postgres-persistence.ts');
  await store.dropPostgresSchema(options);
}
