import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
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
import { poolConfig, quoteIdent } from './postgres-connection.ts';
import { postgresError, postgresFailureKind } from './postgres-errors.ts';
import { postgresScanQueries } from './postgres-index-scan.ts';
import type { PostgresOptions } from './postgres-options.ts';
import { createPostgresSchema, POSTGRES_KEY_PREFIX } from './postgres-schema.ts';

async function ensureDatabase(options: PostgresOptions): Promise<void> {
  const admin = new pg.Client(poolConfig(options, 'postgres', null));
  await admin.connect();
  try {
    const exists = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [
      options.database,
    ]);
    if (exists.rowCount === 0) {
      try {
        await admin.query(`CREATE DATABASE ${quoteIdent(options.database)}`);
      } catch (error) {
        if (
          postgresFailureKind(error) !== 'unique' &&
          !(
            typeof error === 'object' &&
            error !== null &&
            'code' in error &&
            error.code === '42P04'
          )
        )
          throw error;
      }
    }
  } finally {
    await admin.end();
  }
}

/**
 * Opens (creating database, schema and tables if needed) a PostgreSQL store.
 *
 * @example
 * ```ts
 * const persistence = await openPostgresPersistence({ url: 'postgres://postgres@127.0.0.1:5432', database: 'selfhost' });
 * ```
 */
export async function openPostgresPersistence(options: PostgresOptions): Promise<Persistence> {
  const schema = options.schema ?? 'public';
  try {
    await ensureDatabase(options);
    const setup = new pg.Client(poolConfig(options, options.database, null));
    await setup.connect();
    try {
      await setup.query(`CREATE SCHEMA IF NOT EXISTS ${quoteIdent(schema)}`);
    } finally {
      await setup.end();
    }
  } catch (error) {
    throw postgresError(error, 'open');
  }
  const pool = new pg.Pool(poolConfig(options, options.database, schema));
  pool.on('error', () => {
    // An idle client died; the pool replaces it. Queries report their own failures.
  });
  const kysely = new Kysely<unknown>({ dialect: new PostgresDialect({ pool }) });
  try {
    await createPostgresSchema(kysely);
  } catch (error) {
    await pool.end();
    throw postgresError(error, 'schema creation');
  }
  return new PostgresPersistence(pool);
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
  const client = new pg.Client(
    poolConfig({ url: options.url, database: options.database }, options.database, null),
  );
  await client.connect();
  try {
    await client.query(`DROP SCHEMA IF EXISTS ${quoteIdent(options.schema)} CASCADE`);
  } finally {
    await client.end();
  }
}

const WRITE_SQL = `WITH d AS (
    INSERT INTO documents (ts, table_id, id, json_value, deleted, prev_ts)
    SELECT * FROM unnest($1::bigint[], $2::int[], $3::bytea[], $4::text[], $5::bool[], $6::bigint[])
  ), i AS (
    INSERT INTO indexes (index_id, key_prefix, key_sha256, key_suffix, ts, deleted, table_id, document_id)
    SELECT * FROM unnest($7::int[], $8::bytea[], $9::bytea[], $10::bytea[], $11::bigint[], $12::bool[], $13::int[], $14::bytea[])
    %CONFLICT%
  ) SELECT 1`;

function indexColumns(rows: readonly IndexRow[]): unknown[] {
  const cols: unknown[][] = [[], [], [], [], [], [], [], []];
  for (const row of rows) {
    const split = splitKey(row.key, POSTGRES_KEY_PREFIX);
    cols[0]!.push(row.indexId);
    cols[1]!.push(split.prefix);
    cols[2]!.push(split.sha256);
    cols[3]!.push(split.suffix);
    cols[4]!.push(row.ts.toString());
    cols[5]!.push(row.deleted);
    cols[6]!.push(row.tableId);
    cols[7]!.push(Buffer.from(row.internalId));
  }
  return cols;
}

class PostgresPersistence implements Persistence {
  readonly kind = 'postgres';
  readonly #pool: pg.Pool;
  readonly #scan: ReturnType<typeof postgresScanQueries>;

  constructor(pool: pg.Pool) {
    this.#pool = pool;
    this.#scan = postgresScanQueries(pool);
  }

  async #run<TResult>(operation: string, body: () => Promise<TResult>): Promise<TResult> {
    try {
      return await body();
    } catch (error) {
      throw postgresError(error, operation);
    }
  }

  scanIndex(request: IndexScanRequest): Promise<IndexScanPage> {
    return this.#run('index scan', () => prefixScan(this.#scan, request, POSTGRES_KEY_PREFIX));
  }

  loadDocument(
    tableId: number,
    internalId: Uint8Array,
    readTs: bigint,
  ): Promise<ScannedDocumentRevision | null> {
    return this.#run('document load', async () => {
      const result = await this.#pool.query<{ ts: bigint; json_value: string | null }>({
        name: 'load_document',
        text: 'SELECT ts, json_value FROM documents WHERE table_id = $1 AND id = $2 AND ts <= $3 ORDER BY ts DESC LIMIT 1',
        values: [tableId, Buffer.from(internalId), readTs.toString()],
      });
      const row = result.rows[0];
      return row === undefined || row.json_value === null
        ? null
        : { ts: row.ts, json: row.json_value };
    });
  }

  loadRevisions(refs: readonly RevisionRef[]): Promise<Map<string, string | null>> {
    return this.#run('revision load', async () => {
      const out = new Map<string, string | null>();
      if (refs.length === 0) return out;
      const result = await this.#pool.query<{
        ts: bigint;
        table_id: number;
        id: Buffer;
        json_value: string | null;
      }>(
        `SELECT d.ts, d.table_id, d.id, d.json_value FROM documents d
         JOIN unnest($1::bigint[], $2::int[], $3::bytea[]) AS r(ts, table_id, id) ON d.ts = r.ts AND d.table_id = r.table_id AND d.id = r.id`,
        [
          refs.map((r) => r.ts.toString()),
          refs.map((r) => r.tableId),
          refs.map((r) => Buffer.from(r.internalId)),
        ],
      );
      for (const row of result.rows)
        out.set(
          revisionKey({ tableId: row.table_id, internalId: row.id, ts: row.ts }),
          row.json_value,
        );
      return out;
    });
  }

  maxTs(): Promise<bigint> {
    return this.#run('max ts', async () => {
      const result = await this.#pool.query<{ ts: bigint | null }>(
        'SELECT max(ts) AS ts FROM documents',
      );
      return result.rows[0]?.ts ?? 0n;
    });
  }

  scanLog(range: {
    readonly afterTs: bigint;
    readonly throughTs: bigint;
    readonly limit: number;
  }): Promise<LogEntry[]> {
    return this.#run('log scan', async () => {
      const result = await this.#pool.query<{
        ts: bigint;
        table_id: number;
        id: Buffer;
        json_value: string | null;
        prev_ts: bigint | null;
      }>({
        name: 'scan_log',
        text: 'SELECT ts, table_id, id, json_value, prev_ts FROM documents WHERE ts > $1 AND ts <= $2 ORDER BY ts, table_id, id LIMIT $3',
        values: [range.afterTs.toString(), range.throughTs.toString(), range.limit],
      });
      return result.rows.map((row) => ({
        tableId: row.table_id,
        internalId: row.id,
        ts: row.ts,
        json: row.json_value,
        prevTs: row.prev_ts,
      }));
    });
  }

  countLiveDocuments(): Promise<Map<number, number>> {
    return this.#run('count', async () => {
      const result = await this.#pool.query<{ table_id: number; n: bigint }>(
        `SELECT table_id, count(*) AS n FROM documents d WHERE NOT deleted AND NOT EXISTS
          (SELECT 1 FROM documents n WHERE n.table_id = d.table_id AND n.id = d.id AND n.ts > d.ts) GROUP BY table_id`,
      );
      return new Map(result.rows.map((row) => [row.table_id, Number(row.n)]));
    });
  }

  #writeValues(batch: WriteBatch): unknown[] {
    const docs = batch.documents;
    return [
      docs.map((d) => d.ts.toString()),
      docs.map((d) => d.tableId),
      docs.map((d) => Buffer.from(d.internalId)),
      docs.map((d) => d.json),
      docs.map((d) => d.json === null),
      docs.map((d) => (d.prevTs === null ? null : d.prevTs.toString())),
      ...indexColumns(batch.indexes),
    ];
  }

  write(batch: WriteBatch): Promise<void> {
    // One statement = one transaction = one round trip (group commit).
    return this.#run('write', async () => {
      await this.#pool.query({
        name: 'write_batch',
        text: WRITE_SQL.replace('%CONFLICT%', ''),
        values: this.#writeValues(batch),
      });
    });
  }

  backfillIndexRows(rows: readonly IndexRow[]): Promise<void> {
    return this.#run('index backfill', async () => {
      await this.#pool.query({
        name: 'backfill_batch',
        text: WRITE_SQL.replace('%CONFLICT%', 'ON CONFLICT DO NOTHING'),
        values: this.#writeValues({ documents: [], indexes: rows }),
      });
    });
  }

  deleteRows(batch: DeleteBatch): Promise<void> {
    return this.#run('retention delete', async () => {
      const splits = batch.indexes.map((i) => ({
        ...splitKey(i.key, POSTGRES_KEY_PREFIX),
        indexId: i.indexId,
        ts: i.ts,
      }));
      await this.#pool.query(
        `WITH d AS (
           DELETE FROM documents USING unnest($1::bigint[], $2::int[], $3::bytea[]) AS r(ts, table_id, id)
           WHERE documents.ts = r.ts AND documents.table_id = r.table_id AND documents.id = r.id
         ), i AS (
           DELETE FROM indexes USING unnest($4::int[], $5::bytea[], $6::bytea[], $7::bigint[]) AS r(index_id, key_prefix, key_sha256, ts)
           WHERE indexes.index_id = r.index_id AND indexes.key_prefix = r.key_prefix AND indexes.key_sha256 = r.key_sha256 AND indexes.ts = r.ts
         ) SELECT 1`,
        [
          batch.documents.map((d) => d.ts.toString()),
          batch.documents.map((d) => d.tableId),
          batch.documents.map((d) => Buffer.from(d.internalId)),
          splits.map((s) => s.indexId),
          splits.map((s) => s.prefix),
          splits.map((s) => s.sha256),
          splits.map((s) => s.ts.toString()),
        ],
      );
    });
  }

  deleteIndexRows(indexId: number, limit: number): Promise<number> {
    return this.#run('index drop', async () => {
      const result = await this.#pool.query(
        `DELETE FROM indexes WHERE (index_id, key_prefix, key_sha256, ts) IN
           (SELECT index_id, key_prefix, key_sha256, ts FROM indexes WHERE index_id = $1 LIMIT $2)`,
        [indexId, limit],
      );
      return result.rowCount ?? 0;
    });
  }

  getGlobal(key: string): Promise<JSONValue | undefined> {
    return this.#run('global read', async () => {
      const result = await this.#pool.query<{ json_value: string }>(
        'SELECT json_value FROM persistence_globals WHERE key = $1',
        [key],
      );
      const row = result.rows[0];
      return row === undefined ? undefined : (JSON.parse(row.json_value) as JSONValue);
    });
  }

  setGlobal(key: string, value: JSONValue): Promise<void> {
    return this.#run('global write', async () => {
      await this.#pool.query(
        'INSERT INTO persistence_globals (key, json_value) VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET json_value = EXCLUDED.json_value',
        [key, JSON.stringify(value)],
      );
    });
  }

  #closed = false;

  close(): Promise<void> {
    if (this.#closed) return Promise.resolve();
    this.#closed = true;
    return this.#run('close', () => this.#pool.end());
  }
}
