import { jsonToConvex, type JSONValue } from '@selfhost/values';
import { Catalog } from './catalog/catalog.ts';
import {
  DEFAULT_SYSTEM_TABLES,
  INDEX_TABLE,
  SCHEMAS_TABLE,
  TABLES_TABLE,
  type SystemTableDefinition,
} from './catalog/system-tables.ts';
import type { DocumentValue } from './documents/stored-document.ts';
import { Database } from './database.ts';
import type { DatabaseOptions } from './database-options.ts';
import { DatabaseError } from './errors/database-error.ts';
import { KEY_MAX, KEY_MIN } from './keys/index-key.ts';
import { resolveLimits } from './limits/database-limits.ts';
import { GLOBAL_KEYS, type Persistence } from './persistence/persistence.ts';
import { CursorCodec } from './query/cursor-codec.ts';
import { DEFAULT_RETENTION } from './retention/retention-options.ts';
import { addIndex, bootstrapCatalog } from './transaction/catalog-writer.ts';
import { TableCounts } from './transaction/table-counts.ts';
import { makeTimestamp } from './timestamp.ts';

async function scanAll(
  persistence: Persistence,
  indexId: number,
  readTs: bigint,
): Promise<{ id: string; value: DocumentValue }[]> {
  const out: { id: string; value: DocumentValue }[] = [];
  let start = KEY_MIN;
  for (;;) {
    const page = await persistence.scanIndex({
      indexId,
      start,
      end: KEY_MAX,
      readTs,
      order: 'asc',
      limit: 1024,
    });
    for (const row of page.rows) {
      const value = jsonToConvex(JSON.parse(row.json) as JSONValue) as DocumentValue;
      out.push({ id: value['_id'] as string, value });
    }
    if (page.next === null) return out;
    start = page.next;
  }
}

/** Loads `_tables`, `_index` and `_schemas` at `ts` into a catalog (semantics §2.6 step 3). */
async function loadCatalog(persistence: Persistence, ts: bigint): Promise<Catalog> {
  let catalog = Catalog.empty();
  for (const doc of await scanAll(persistence, TABLES_TABLE.byId, ts))
    catalog = catalog.apply(TABLES_TABLE.number, doc.id, doc.value);
  for (const doc of await scanAll(persistence, INDEX_TABLE.byId, ts))
    catalog = catalog.apply(INDEX_TABLE.number, doc.id, doc.value);
  for (const doc of await scanAll(persistence, SCHEMAS_TABLE.byId, ts)) {
    if (doc.value['state'] === 'active')
      catalog = catalog.apply(SCHEMAS_TABLE.number, doc.id, doc.value);
  }
  return catalog;
}

async function ensureSystemTables(
  db: Database,
  definitions: readonly SystemTableDefinition[],
): Promise<void> {
  const missing = definitions.filter((definition) => {
    const table = db.catalog.tableByName(definition.name);
    return (
      table === undefined ||
      (definition.indexes ?? []).some(
        (index) => db.catalog.index(table.number, index.name) === undefined,
      )
    );
  });
  if (missing.length === 0) return;
  const tx = db.begin();
  for (const definition of missing) {
    if (!definition.name.startsWith('_'))
      throw new DatabaseError(
        'InvalidTable',
        `System table names start with "_": ${definition.name}.`,
      );
    const table = tx.catalog.tableByName(definition.name) ?? tx.createTable(definition.name, true);
    for (const index of definition.indexes ?? []) {
      // A new index on a non-empty system table starts empty: system tables are registered before
      // they hold data (a later backfill would go through the schema path).
      if (tx.catalog.index(table.number, index.name) === undefined)
        addIndex(tx, table, { name: index.name, fields: index.fields, state: 'enabled' });
    }
  }
  await tx.commit();
}

/**
 * Opens the database over a persistence: creates the bootstrap system tables on a fresh store,
 * otherwise restores the max timestamp, tables, indexes and active schema from the log
 * (semantics §2.6), then makes sure the registered system tables exist.
 *
 * @example
 * ```ts
 * const db = await openDatabase({ persistence: await openSqlitePersistence({ path: ':memory:' }), cursorKey: 'a secret of 16+ bytes' });
 * ```
 */
export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  const persistence = options.persistence;
  const limits = resolveLimits(options.limits);
  const retention = { ...DEFAULT_RETENTION, ...options.retention };
  const maxDocumentTs = await persistence.maxTs();
  const repeatable = await persistence.getGlobal(GLOBAL_KEYS.maxRepeatableTs);
  const recorded = typeof repeatable === 'string' ? BigInt(repeatable) : 0n;
  const startTs = makeTimestamp(maxDocumentTs > recorded ? maxDocumentTs : recorded);
  // No committer runs yet, so it is safe to declare everything up to startTs repeatable.
  await persistence.setGlobal(GLOBAL_KEYS.maxRepeatableTs, startTs.toString());
  const catalog = await loadCatalog(persistence, startTs);
  const counts = await persistence.countLiveDocuments();
  const floor = await persistence.getGlobal(GLOBAL_KEYS.retentionFloorTs);
  const db = new Database({
    persistence,
    limits,
    cursorCodec: new CursorCodec(options.cursorKey),
    snapshot: Object.freeze({ ts: startTs, catalog, counts: TableCounts.of(counts) }),
    writeLogRetention: {
      minAgeMs: 30_000,
      maxAgeMs: 5 * 60_000,
      maxBytes: 50 << 20,
      ...options.writeLog,
    },
    retention,
  });
  if (typeof floor === 'string') db.raiseRetentionFloor(BigInt(floor));
  if (catalog.tableByName(TABLES_TABLE.name) === undefined) {
    const tx = db.begin();
    bootstrapCatalog(tx);
    await tx.commit();
  }
  await ensureSystemTables(db, [...DEFAULT_SYSTEM_TABLES, ...(options.systemTables ?? [])]);
  return db;
}
