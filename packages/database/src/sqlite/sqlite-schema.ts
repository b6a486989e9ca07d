import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import { DatabaseError } from '../errors/database-error.ts';
import { GLOBAL_KEYS, PERSISTENCE_VERSION } from '../persistence/persistence.ts';

/**
 * Creates the tables if missing and checks (or records) our persistence version (semantics §2.1
 * shape; integer table and index ids; the full index key is stored, SQLite has no key limit).
 *
 * @internal
 * @example
 * ```ts
 * await createSqliteSchema(kysely);
 * ```
 */
export async function createSqliteSchema(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('documents')
    .ifNotExists()
    .addColumn('ts', 'integer', (c) => c.notNull())
    .addColumn('table_id', 'integer', (c) => c.notNull())
    .addColumn('id', 'blob', (c) => c.notNull())
    .addColumn('json_value', 'text')
    .addColumn('deleted', 'integer', (c) => c.notNull())
    .addColumn('prev_ts', 'integer')
    .addPrimaryKeyConstraint('documents_pk', ['ts', 'table_id', 'id'])
    .execute();
  await db.schema
    .createIndex('documents_by_table_and_id')
    .ifNotExists()
    .on('documents')
    .columns(['table_id', 'id', 'ts'])
    .execute();
  // WITHOUT ROWID: rows live in the primary-key b-tree, so a range scan reads them in order.
  await db.schema
    .createTable('indexes')
    .ifNotExists()
    .addColumn('index_id', 'integer', (c) => c.notNull())
    .addColumn('key', 'blob', (c) => c.notNull())
    .addColumn('ts', 'integer', (c) => c.notNull())
    .addColumn('deleted', 'integer', (c) => c.notNull())
    .addColumn('table_id', 'integer')
    .addColumn('document_id', 'blob')
    .addPrimaryKeyConstraint('indexes_pk', ['index_id', 'key', 'ts'])
    .modifyEnd(sql`without rowid`)
    .execute();
  await db.schema
    .createTable('persistence_globals')
    .ifNotExists()
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('json_value', 'text', (c) => c.notNull())
    .execute();
  // Reserved for multi-replica work (one writer holds the lease); unused by a single process.
  await db.schema
    .createTable('leases')
    .ifNotExists()
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('ts', 'integer', (c) => c.notNull())
    .execute();
  await sql`INSERT OR IGNORE INTO leases (id, ts) VALUES (1, 0)`.execute(db);
  await checkVersion(db);
}

async function checkVersion(db: Kysely<unknown>): Promise<void> {
  const rows = await sql<{
    json_value: string;
  }>`SELECT json_value FROM persistence_globals WHERE key = ${GLOBAL_KEYS.persistenceVersion}`.execute(
    db,
  );
  const stored = rows.rows[0];
  if (stored === undefined) {
    await sql`INSERT INTO persistence_globals (key, json_value) VALUES (${GLOBAL_KEYS.persistenceVersion}, ${String(PERSISTENCE_VERSION)})`.execute(
      db,
    );
    return;
  }
  const version = Number(JSON.parse(stored.json_value));
  if (version > PERSISTENCE_VERSION) {
    throw new DatabaseError(
      'StorageFailure',
      `The store has persistence version ${version}, newer than this release understands (${PERSISTENCE_VERSION}). Upgrade selfhost.`,
      { storageKind: 'other' },
    );
  }
  // Older versions migrate here, one step at a time, when there are any.
}
