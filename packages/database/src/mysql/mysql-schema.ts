import { sql, type Kysely } from 'kysely';
import { DatabaseError } from '../errors/database-error.ts';
import { GLOBAL_KEYS, PERSISTENCE_VERSION } from '../persistence/persistence.ts';

/** Bytes of an index key kept in the primary key (InnoDB keys are limited to 3,072 bytes). */
export const MYSQL_KEY_PREFIX = 2500;

/**
 * Creates our tables if missing (InnoDB, utf8mb4, DYNAMIC rows) and checks the persistence
 * version. Kysely's builder has no column charsets or table options, so this is raw DDL.
 *
 * @internal
 * @example
 * ```ts
 * await createMysqlSchema(kysely);
 * ```
 */
export async function createMysqlSchema(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE TABLE IF NOT EXISTS documents (
    ts BIGINT NOT NULL, table_id INT NOT NULL, id BINARY(16) NOT NULL,
    json_value LONGTEXT CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NULL, deleted TINYINT(1) NOT NULL, prev_ts BIGINT NULL,
    PRIMARY KEY (ts, table_id, id), INDEX documents_by_table_and_id (table_id, id, ts)
  ) ENGINE=InnoDB ROW_FORMAT=DYNAMIC`.execute(db);
  await sql`CREATE TABLE IF NOT EXISTS indexes (
    index_id INT NOT NULL, key_prefix VARBINARY(2500) NOT NULL, key_sha256 BINARY(32) NOT NULL, key_suffix LONGBLOB NULL,
    ts BIGINT NOT NULL, deleted TINYINT(1) NOT NULL, table_id INT NULL, document_id BINARY(16) NULL,
    PRIMARY KEY (index_id, key_prefix, key_sha256, ts)
  ) ENGINE=InnoDB ROW_FORMAT=DYNAMIC`.execute(db);
  await sql`CREATE TABLE IF NOT EXISTS persistence_globals (
    \`key\` VARCHAR(191) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL PRIMARY KEY, json_value LONGTEXT NOT NULL
  ) ENGINE=InnoDB`.execute(db);
  await sql`CREATE TABLE IF NOT EXISTS leases (id BIGINT NOT NULL PRIMARY KEY, ts BIGINT NOT NULL) ENGINE=InnoDB`.execute(
    db,
  );
  await sql`INSERT IGNORE INTO leases (id, ts) VALUES (1, 0)`.execute(db);
  const rows = await sql<{
    json_value: string;
  }>`SELECT json_value FROM persistence_globals WHERE \`key\` = ${GLOBAL_KEYS.persistenceVersion}`.execute(
    db,
  );
  const stored = rows.rows[0];
  if (stored === undefined) {
    await sql`INSERT IGNORE INTO persistence_globals (\`key\`, json_value) VALUES (${GLOBAL_KEYS.persistenceVersion}, ${String(PERSISTENCE_VERSION)})`.execute(
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
