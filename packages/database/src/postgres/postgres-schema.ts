import { sql, type Kysely } from 'kysely';
import { DatabaseError } from '../errors/database-error.ts';
import { GLOBAL_KEYS, PERSISTENCE_VERSION } from '../persistence/persistence.ts';

/** Bytes of an index key kept in the btree (PostgreSQL btree entries are limited to ~2.7 KB). */
export const POSTGRES_KEY_PREFIX = 2500;

/**
 * Creates our tables in the connection's schema if missing and checks the persistence version.
 *
 * @internal
 * @example
 * ```ts
 * await createPostgresSchema(kysely);
 * ```
 */
export async function createPostgresSchema(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('documents')
    .ifNotExists()
    .addColumn('ts', 'bigint', (c) => c.notNull())
    .addColumn('table_id', 'integer', (c) => c.notNull())
    .addColumn('id', 'bytea', (c) => c.notNull())
    .addColumn('json_value', 'text')
    .addColumn('deleted', 'boolean', (c) => c.notNull())
    .addColumn('prev_ts', 'bigint')
    .addPrimaryKeyConstraint('documents_pk', ['ts', 'table_id', 'id'])
    .execute();
  await db.schema
    .createIndex('documents_by_table_and_id')
    .ifNotExists()
    .on('documents')
    .columns(['table_id', 'id', 'ts'])
    .execute();
  await db.schema
    .createTable('indexes')
    .ifNotExists()
    .addColumn('index_id', 'integer', (c) => c.notNull())
    .addColumn('key_prefix', 'bytea', (c) => c.notNull())
    .addColumn('key_sha256', 'bytea', (c) => c.notNull())
    .addColumn('key_suffix', 'bytea')
    .addColumn('ts', 'bigint', (c) => c.notNull())
    .addColumn('deleted', 'boolean', (c) => c.notNull())
    .addColumn('table_id', 'integer')
    .addColumn('document_id', 'bytea')
    .addPrimaryKeyConstraint('indexes_pk', ['index_id', 'key_prefix', 'key_sha256', 'ts'])
    .execute();
  await db.schema
    .createTable('persistence_globals')
    .ifNotExists()
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('json_value', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('leases')
    .ifNotExists()
    .addColumn('id', 'bigint', (c) => c.primaryKey())
    .addColumn('ts', 'bigint', (c) => c.notNull())
    .execute();
  await sql`INSERT INTO leases (id, ts) VALUES (1, 0) ON CONFLICT (id) DO NOTHING`.execute(db);
  const rows = await sql<{
    json_value: string;
  }>`SELECT json_value FROM persistence_globals WHERE key = ${GLOBAL_KEYS.persistenceVersion}`.execute(
    db,
  );
  const stored = rows.rows[0];
  if (stored === undefined) {
    await sql`INSERT INTO persistence_globals (key, json_value) VALUES (${GLOBAL_KEYS.persistenceVersion}, ${String(PERSISTENCE_VERSION)}) ON CONFLICT (key) DO NOTHING`.execute(
      db,
    );
  } else if (Number(JSON.parse(stored.json_value)) > PERSISTENCE_VERSION) {
    throw new DatabaseError(
      'StorageFailure',
      `The store has persistence version ${stored.json_value}, newer than this release understands (${PERSISTENCE_VERSION}). Upgrade selfhost.`,
      { storageKind: 'other' },
    );
  }
}
