import { Kysely, MysqlDialect } from 'kysely';
import { createPool } from 'mysql2';
import type { Pool, PoolConnection, RowDataPacket } from 'mysql2/promise';
import type { JSONValue } from '@selfhost/values';
import { prefixScan } from '../persistence/prefix-scan.ts';
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
import { splitKey } from '../persistence/split-key.ts';
import { mysqlPoolOptions, quoteMysqlIdent } from './mysql-connection.ts';
import { mysqlError } from './mysql-errors.ts';
import { mysqlScanQueries } from './mysql-index-scan.ts';
import type { MysqlOptions } from './mysql-options.ts';
import { createMysqlSchema, MYSQL_KEY_PREFIX } from './mysql-schema.ts';

/**
 * Opens (creating the database and tables if needed) a MySQL 8 / MariaDB 10.11 store.
 *
 * @example
 * ```ts
 * const persistence = await openMysqlPersistence({ url: 'mysql://root@127.0.0.1:3306', database: 'selfhost' });
 * ```
 */
export async function openMysqlPersistence(options: MysqlOptions): Promise<Persistence> {
  try {
    const admin = createPool({ ...mysqlPoolOptions(options, null), connectionLimit: 1 }).promise();
    try {
      await admin.query(
        `CREATE DATABASE IF NOT EXISTS ${quoteMysqlIdent(options.database)} CHARACTER SET utf8mb4 COLLATE utf8mb4_bin`,
      );
    } finally {
      await admin.end();
    }
  } catch (error) {
    throw mysqlError(error, 'open');
  }
  const callbackPool = createPool(mysqlPoolOptions(options, options.database));
  const kysely = new Kysely<unknown>({ dialect: new MysqlDialect({ pool: callbackPool }) });
  try {
    await createMysqlSchema(kysely);
  } catch (error) {
    await callbackPool.promise().end();
    throw mysqlError(error, 'schema creation');
  }
  return new MysqlPersistence(callbackPool.promise());
}

/**
 * Drops a database made by the tests.
 *
 * @example
 * ```ts
 * await dropMysqlDatabase({ url, database: 't_123' });
 * ```
 */
export async function dropMysqlDatabase(options: {
  readonly url: string;
  readonly database: string;
}): Promise<void> {
  const admin = createPool({
    ...mysqlPoolOptions({ url: options.url, database: options.database }, null),
    connectionLimit: 1,
  }).promise();
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${quoteMysqlIdent(options.database)}`);
  } finally {
    await admin.end();
  }
}

function indexValues(rows: readonly IndexRow[]): unknown[][] {
  return rows.map((row) => {
    const split = splitKey(row.key, MYSQL_KEY_PREFIX);
    return [
      row.indexId,
      split.prefix,
      split.sha256,
      split.suffix,
      row.ts.toString(),
      row.deleted ? 1 : 0,
      row.tableId,
      Buffer.from(row.internalId),
    ];
  });
}

const INDEX_COLUMNS =
  '(index_id, key_prefix, key_sha256, key_suffix, ts, deleted, table_id, document_id)';

class MysqlPersistence implements Persistence {
  readonly kind = 'mysql';
  readonly #pool: Pool;
  readonly #scan: ReturnType<typeof mysqlScanQueries>;
  #closed = false;

  constructor(pool: Pool) {
    this.#pool = pool;
    this.#scan = mysqlScanQueries(pool);
  }

  async #run<TResult>(operation: string, body: () => Promise<TResult>): Promise<TResult> {
    try {
      return await body();
    } catch (error) {
      throw mysqlError(error, operation);
    }
  }

  /** Runs multi-statement SQL on one connection; a failed connection is destroyed (rolls back). */
  async #multi(text: string, values: unknown[]): Promise<void> {
    const connection: PoolConnection = await this.#pool.getConnection();
    try {
      await connection.query(text, values);
    } catch (error) {
      connection.destroy();
      throw error;
    }
    connection.release();
  }

  scanIndex(request: IndexScanRequest): Promise<IndexScanPage> {
    return this.#run('index scan', () => prefixScan(this.#scan, request, MYSQL_KEY_PREFIX));
  }

  loadDocument(
    tableId: number,
    internalId: Uint8Array,
    readTs: bigint,
  ): Promise<ScannedDocumentRevision | null> {
    return this.#run('document load', async () => {
      const [rows] = await this.#pool.query<RowDataPacket[]>(
        'SELECT ts, json_value FROM documents WHERE table_id = ? AND id = ? AND ts <= ? ORDER BY ts DESC LIMIT 1',
        [tableId, Buffer.from(internalId), readTs.toString()],
      );
      const row = rows[0] as { ts: string; json_value: string | null } | undefined;
      return row === undefined || row.json_value === null
        ? null
        : { ts: BigInt(row.ts), json: row.json_value };
    });
  }

  loadRevisions(refs: readonly RevisionRef[]): Promise<Map<string, string | null>> {
    return this.#run('revision load', async () => {
      const out = new Map<string, string | null>();
      if (refs.length === 0) return out;
      const [rows] = await this.#pool.query<RowDataPacket[]>(
        'SELECT ts, table_id, id, json_value FROM documents WHERE (ts, table_id, id) IN (?)',
        [refs.map((r) => [r.ts.toString(), r.tableId, Buffer.from(r.internalId)])],
      );
      for (const row of rows as {
        ts: string;
        table_id: number;
        id: Buffer;
        json_value: string | null;
      }[]) {
        out.set(
          revisionKey({ tableId: row.table_id, internalId: row.id, ts: BigInt(row.ts) }),
          row.json_value,
        );
      }
      return out;
    });
  }

  maxTs(): Promise<bigint> {
    return this.#run('max ts', async () => {
      const [rows] = await this.#pool.query<RowDataPacket[]>('SELECT max(ts) AS ts FROM documents');
      const ts = (rows[0] as { ts: string | null } | undefined)?.ts ?? null;
      return ts === null ? 0n : BigInt(ts);
    });
  }

  scanLog(range: {
    readonly afterTs: bigint;
    readonly throughTs: bigint;
    readonly limit: number;
  }): Promise<LogEntry[]> {
    return this.#run('log scan', async () => {
      const [rows] = await this.#pool.query<RowDataPacket[]>(
        `SELECT ts, table_id, id, json_value, prev_ts FROM documents WHERE ts > ? AND ts <= ? ORDER BY ts, table_id, id LIMIT ${Math.floor(range.limit)}`,
        [range.afterTs.toString(), range.throughTs.toString()],
      );
      return (
        rows as {
          ts: string;
          table_id: number;
          id: Buffer;
          json_value: string | null;
          prev_ts: string | null;
        }[]
      ).map((row) => ({
        tableId: row.table_id,
        internalId: row.id,
        ts: BigInt(row.ts),
        json: row.json_value,
        prevTs: row.prev_ts === null ? null : BigInt(row.prev_ts),
      }));
    });
  }

  countLiveDocuments(): Promise<Map<number, number>> {
    return this.#run('count', async () => {
      const [rows] = await this.#pool.query<RowDataPacket[]>(
        `SELECT table_id, count(*) AS n FROM documents d WHERE deleted = 0 AND NOT EXISTS
          (SELECT 1 FROM documents n WHERE n.table_id = d.table_id AND n.id = d.id AND n.ts > d.ts) GROUP BY table_id`,
      );
      return new Map(
        (rows as { table_id: number; n: string | number }[]).map((row) => [
          row.table_id,
          Number(row.n),
        ]),
      );
    });
  }

  write(batch: WriteBatch): Promise<void> {
    // One round trip, one transaction: group commit.
    return this.#run('write', () => {
      const parts: string[] = ['START TRANSACTION'];
      const values: unknown[] = [];
      if (batch.documents.length > 0) {
        parts.push(
          'INSERT INTO documents (ts, table_id, id, json_value, deleted, prev_ts) VALUES ?',
        );
        values.push(
          batch.documents.map((d) => [
            d.ts.toString(),
            d.tableId,
            Buffer.from(d.internalId),
            d.json,
            d.json === null ? 1 : 0,
            d.prevTs === null ? null : d.prevTs.toString(),
          ]),
        );
      }
      if (batch.indexes.length > 0) {
        parts.push(`INSERT INTO indexes ${INDEX_COLUMNS} VALUES ?`);
        values.push(indexValues(batch.indexes));
      }
      parts.push('COMMIT');
      return this.#multi(parts.join('; '), values);
    });
  }

  backfillIndexRows(rows: readonly IndexRow[]): Promise<void> {
    return this.#run('index backfill', async () => {
      if (rows.length === 0) return;
      await this.#pool.query(`INSERT IGNORE INTO indexes ${INDEX_COLUMNS} VALUES ?`, [
        indexValues(rows),
      ]);
    });
  }

  deleteRows(batch: DeleteBatch): Promise<void> {
    return this.#run('retention delete', () => {
      const parts: string[] = ['START TRANSACTION'];
      const values: unknown[] = [];
      if (batch.documents.length > 0) {
        parts.push('DELETE FROM documents WHERE (ts, table_id, id) IN (?)');
        values.push(
          batch.documents.map((d) => [d.ts.toString(), d.tableId, Buffer.from(d.internalId)]),
        );
      }
      if (batch.indexes.length > 0) {
        parts.push('DELETE FROM indexes WHERE (index_id, key_prefix, key_sha256, ts) IN (?)');
        values.push(
          batch.indexes.map((i) => {
            const split = splitKey(i.key, MYSQL_KEY_PREFIX);
            return [i.indexId, split.prefix, split.sha256, i.ts.toString()];
          }),
        );
      }
      parts.push('COMMIT');
      return this.#multi(parts.join('; '), values);
    });
  }

  deleteIndexRows(indexId: number, limit: number): Promise<number> {
    return this.#run('index drop', async () => {
      const [result] = await this.#pool.query(
        `DELETE FROM indexes WHERE index_id = ? LIMIT ${Math.floor(limit)}`,
        [indexId],
      );
      return (result as { affectedRows: number }).affectedRows;
    });
  }

  getGlobal(key: string): Promise<JSONValue | undefined> {
    return this.#run('global read', async () => {
      const [rows] = await this.#pool.query<RowDataPacket[]>(
        'SELECT json_value FROM persistence_globals WHERE `key` = ?',
        [key],
      );
      const row = rows[0] as { json_value: string } | undefined;
      return row === undefined ? undefined : (JSON.parse(row.json_value) as JSONValue);
    });
  }

  setGlobal(key: string, value: JSONValue): Promise<void> {
    return this.#run('global write', async () => {
      await this.#pool.query(
        'INSERT INTO persistence_globals (`key`, json_value) VALUES (?, ?) ON DUPLICATE KEY UPDATE json_value = VALUES(json_value)',
        [key, JSON.stringify(value)],
      );
    });
  }

  close(): Promise<void> {
    if (this.#closed) return Promise.resolve();
    this.#closed = true;
    return this.#run('close', () => this.#pool.end());
  }
}
