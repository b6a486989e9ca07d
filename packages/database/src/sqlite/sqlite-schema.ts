import type BetterSqlite3 from 'better-sqlite3';
import { DatabaseError } from '../errors/database-error.ts';
import { GLOBAL_KEYS, PERSISTENCE_VERSION } from '../persistence/persistence.ts';

/**
 * The tables (semantics §2.1 shape; integer table and index ids; the full index key is stored,
 * SQLite has no key limit). Plain SQL run by better-sqlite3: the query builder the other
 * stores use costs ~100 ms of start-up to import, a sixth of the backend's cold start.
 */
const DDL = [
  `CREATE TABLE IF NOT EXISTS "documents" ("ts" integer NOT NULL, "table_id" integer NOT NULL, "id" blob NOT NULL, "json_value" text, "deleted" integer NOT NULL, "prev_ts" integer, CONSTRAINT "documents_pk" PRIMARY KEY ("ts", "table_id", "id"))`,
  `CREATE INDEX IF NOT EXISTS "documents_by_table_and_id" ON "documents" ("table_id", "id", "ts")`,
  // WITHOUT ROWID: rows live in the primary-key b-tree, so a range scan reads them in order.
  `CREATE TABLE IF NOT EXISTS "indexes" ("index_id" integer NOT NULL, "key" blob NOT NULL, "ts" integer NOT NULL, "deleted" integer NOT NULL, "table_id" integer, "document_id" blob, CONSTRAINT "indexes_pk" PRIMARY KEY ("index_id", "key", "ts")) WITHOUT ROWID`,
  `CREATE TABLE IF NOT EXISTS "persistence_globals" ("key" text PRIMARY KEY, "json_value" text NOT NULL)`,
  // Reserved for multi-replica work (one writer holds the lease); unused by a single process.
  `CREATE TABLE IF NOT EXISTS "leases" ("id" integer PRIMARY KEY, "ts" integer NOT NULL)`,
  `INSERT OR IGNORE INTO leases (id, ts) VALUES (1, 0)`,
];

/**
 * Creates the tables if missing and checks (or records) our persistence version.
 *
 * @internal
 * @example
 * ```ts
 * createSqliteSchema(new BetterSqlite3(file));
 * ```
 */
export function createSqliteSchema(db: BetterSqlite3.Database): void {
  for (const statement of DDL) db.exec(statement);
  checkVersion(db);
}

function checkVersion(db: BetterSqlite3.Database): void {
  const stored = db.prepare<[string], { json_value: string }>('SELECT json_value FROM persistence_globals WHERE key = ?').get(GLOBAL_KEYS.persistenceVersion);
  if (stored === undefined) {
    db.prepare('INSERT INTO persistence_globals (key, json_value) VALUES (?, ?)').run(GLOBAL_KEYS.persistenceVersion, String(PERSISTENCE_VERSION));
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
