import { mkdirSync } from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import type { JSONValue } from '@selfhost/values';
import { keyToBytes } from '../keys/index-key.ts';
import {
  revisionKey,
  type DeleteBatch,
  type IndexRow,
  type IndexScanPage,
  type IndexScanRequest,
  type LogEntry,
  type Persistence,
  type RevisionRef,
  type ScannedDocumentRevision,
  type WriteBatch,
} from '../persistence/persistence.ts';
import { sqliteError } from './sqlite-errors.ts';
import { SqliteIndexScanner } from './sqlite-index-scan.ts';
import type { SqliteOptions } from './sqlite-options.ts';
import { createSqliteSchema } from './sqlite-schema.ts';

type Statement = BetterSqlite3.Statement<unknown[], Record<string, unknown>>;

/**
 * Opens (creating if needed) a SQLite store: WAL journal, `synchronous` FULL by default.
 *
 * @example
 * ```ts
 * const persistence = await openSqlitePersistence({ path: path.join(dataDir, 'db.sqlite3') });
 * ```
 */
export function openSqlitePersistence(options: SqliteOptions): Promise<Persistence> {
  try {
    return Promise.resolve(openSqliteSync(options));
  } catch (error) {
    return Promise.reject(error instanceof Error ? error : new Error(String(error)));
  }
}

function openSqliteSync(options: SqliteOptions): Persistence {
  let db: BetterSqlite3.Database;
  try {
    if (options.path !== ':memory:')
      mkdirSync(path.dirname(path.resolve(options.path)), { recursive: true });
    db = new BetterSqlite3(options.path);
    if (options.path !== ':memory:') db.pragma('journal_mode = WAL');
    db.pragma(`synchronous = ${options.synchronous ?? 'FULL'}`);
    db.pragma(`cache_size = -${options.cacheSizeKiB ?? 65_536}`);
    db.pragma('busy_timeout = 5000');
  } catch (error) {
    throw sqliteError(error, 'open');
  }
  try {
    createSqliteSchema(db);
  } catch (error) {
    db.close();
    throw sqliteError(error, 'schema creation');
  }
  return new SqlitePersistence(db);
}

class SqlitePersistence implements Persistence {
  readonly kind = 'sqlite';
  readonly #db: BetterSqlite3.Database;
  readonly #scanner: SqliteIndexScanner;
  readonly #statements: Record<string, Statement>;
  readonly #writeTx: (batch: WriteBatch) => void;
  readonly #deleteTx: (batch: DeleteBatch) => void;
  readonly #backfillTx: (rows: readonly IndexRow[]) => void;

  constructor(db: BetterSqlite3.Database) {
    this.#db = db;
    this.#scanner = new SqliteIndexScanner(db);
    const prepare = (text: string): Statement =>
      db.prepare<unknown[], Record<string, unknown>>(text).safeIntegers(true);
    const s = (this.#statements = {
      insertDocument: prepare(
        'INSERT INTO documents (ts, table_id, id, json_value, deleted, prev_ts) VALUES (?, ?, ?, ?, ?, ?)',
      ),
      insertIndex: prepare(
        'INSERT INTO indexes (index_id, key, ts, deleted, table_id, document_id) VALUES (?, ?, ?, ?, ?, ?)',
      ),
      backfillIndex: prepare(
        'INSERT OR IGNORE INTO indexes (index_id, key, ts, deleted, table_id, document_id) VALUES (?, ?, ?, ?, ?, ?)',
      ),
      loadDocument: prepare(
        'SELECT ts, json_value FROM documents WHERE table_id = ? AND id = ? AND ts <= ? ORDER BY ts DESC LIMIT 1',
      ),
      loadRevision: prepare(
        'SELECT json_value FROM documents WHERE ts = ? AND table_id = ? AND id = ?',
      ),
      maxTs: prepare('SELECT max(ts) AS ts FROM documents'),
      scanLog: prepare(
        'SELECT ts, table_id, id, json_value, prev_ts FROM documents WHERE ts > ? AND ts <= ? ORDER BY ts LIMIT ?',
      ),
      countLive:
        prepare(`SELECT table_id, count(*) AS n FROM documents d WHERE deleted = 0 AND NOT EXISTS
        (SELECT 1 FROM documents n WHERE n.table_id = d.table_id AND n.id = d.id AND n.ts > d.ts) GROUP BY table_id`),
      deleteDocument: prepare('DELETE FROM documents WHERE ts = ? AND table_id = ? AND id = ?'),
      deleteIndex: prepare('DELETE FROM indexes WHERE index_id = ? AND key = ? AND ts = ?'),
      deleteIndexRows: prepare(
        'DELETE FROM indexes WHERE (index_id, key, ts) IN (SELECT index_id, key, ts FROM indexes WHERE index_id = ? LIMIT ?)',
      ),
      getGlobal: prepare('SELECT json_value FROM persistence_globals WHERE key = ?'),
      setGlobal: prepare(
        'INSERT INTO persistence_globals (key, json_value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET json_value = excluded.json_value',
      ),
    });
    this.#writeTx = db.transaction((batch: WriteBatch) => {
      for (const d of batch.documents) {
        s.insertDocument.run(
          d.ts,
          d.tableId,
          d.internalId,
          d.json,
          d.json === null ? 1 : 0,
          d.prevTs,
        );
      }
      for (const i of batch.indexes) {
        s.insertIndex.run(
          i.indexId,
          keyToBytes(i.key),
          i.ts,
          i.deleted ? 1 : 0,
          i.tableId,
          i.internalId,
        );
      }
    });
    this.#backfillTx = db.transaction((rows: readonly IndexRow[]) => {
      for (const i of rows)
        s.backfillIndex.run(
          i.indexId,
          keyToBytes(i.key),
          i.ts,
          i.deleted ? 1 : 0,
          i.tableId,
          i.internalId,
        );
    });
    this.#deleteTx = db.transaction((batch: DeleteBatch) => {
      for (const d of batch.documents) s.deleteDocument.run(d.ts, d.tableId, d.internalId);
      for (const i of batch.indexes) s.deleteIndex.run(i.indexId, keyToBytes(i.key), i.ts);
    });
  }

  #run<TResult>(operation: string, body: () => TResult): Promise<TResult> {
    try {
      return Promise.resolve(body());
    } catch (error) {
      return Promise.reject(sqliteError(error, operation));
    }
  }

  scanIndex(request: IndexScanRequest): Promise<IndexScanPage> {
    return this.#run('index scan', () => this.#scanner.scan(request));
  }

  loadDocument(
    tableId: number,
    internalId: Uint8Array,
    readTs: bigint,
  ): Promise<ScannedDocumentRevision | null> {
    return this.#run('document load', () => {
      const row = this.#statements.loadDocument!.get(tableId, internalId, readTs) as
        { ts: bigint; json_value: string | null } | undefined;
      return row === undefined || row.json_value === null
        ? null
        : { ts: row.ts, json: row.json_value };
    });
  }

  loadRevisions(refs: readonly RevisionRef[]): Promise<Map<string, string | null>> {
    return this.#run('revision load', () => {
      const out = new Map<string, string | null>();
      for (const ref of refs) {
        const row = this.#statements.loadRevision!.get(ref.ts, ref.tableId, ref.internalId) as
          { json_value: string | null } | undefined;
        if (row !== undefined) out.set(revisionKey(ref), row.json_value);
      }
      return out;
    });
  }

  maxTs(): Promise<bigint> {
    return this.#run('max ts', () => {
      const row = this.#statements.maxTs!.get() as { ts: bigint | null };
      return row.ts ?? 0n;
    });
  }

  scanLog(range: {
    readonly afterTs: bigint;
    readonly throughTs: bigint;
    readonly limit: number;
  }): Promise<LogEntry[]> {
    return this.#run('log scan', () =>
      (
        this.#statements.scanLog!.all(range.afterTs, range.throughTs, range.limit) as {
          ts: bigint;
          table_id: bigint;
          id: Buffer;
          json_value: string | null;
          prev_ts: bigint | null;
        }[]
      ).map((row) => ({
        tableId: Number(row.table_id),
        internalId: row.id,
        ts: row.ts,
        json: row.json_value,
        prevTs: row.prev_ts,
      })),
    );
  }

  countLiveDocuments(): Promise<Map<number, number>> {
    return this.#run('count', () => {
      const rows = this.#statements.countLive!.all() as { table_id: bigint; n: bigint }[];
      return new Map(rows.map((row) => [Number(row.table_id), Number(row.n)]));
    });
  }

  write(batch: WriteBatch): Promise<void> {
    return this.#run('write', () => this.#writeTx(batch));
  }

  backfillIndexRows(rows: readonly IndexRow[]): Promise<void> {
    return this.#run('index backfill', () => this.#backfillTx(rows));
  }

  deleteRows(batch: DeleteBatch): Promise<void> {
    return this.#run('retention delete', () => this.#deleteTx(batch));
  }

  deleteIndexRows(indexId: number, limit: number): Promise<number> {
    return this.#run(
      'index drop',
      () => this.#statements.deleteIndexRows!.run(indexId, limit).changes,
    );
  }

  getGlobal(key: string): Promise<JSONValue | undefined> {
    return this.#run('global read', () => {
      const row = this.#statements.getGlobal!.get(key) as { json_value: string } | undefined;
      return row === undefined ? undefined : (JSON.parse(row.json_value) as JSONValue);
    });
  }

  setGlobal(key: string, value: JSONValue): Promise<void> {
    return this.#run('global write', () => {
      this.#statements.setGlobal!.run(key, JSON.stringify(value));
    });
  }

  close(): Promise<void> {
    return this.#run('close', () => {
      if (this.#db.open) this.#db.close();
    });
  }
}
