import type BetterSqlite3 from 'better-sqlite3';
import { keyFromBytes, keyToBytes, successor, type IndexKey } from '../keys/index-key.ts';
import type {
  IndexScanPage,
  IndexScanRequest,
  ScannedDocument,
} from '../persistence/persistence.ts';

interface ScanRow {
  readonly key: Buffer;
  readonly ts: bigint;
  readonly deleted: bigint;
  readonly table_id: bigint;
  readonly document_id: Buffer;
  readonly json_value: string | null;
}

// SQLite returns the other columns of the row that has max(ts) in its group (documented
// "bare column" behaviour), so one index walk yields the newest version ≤ readTs per key.
const scanSql = (direction: 'ASC' | 'DESC'): string => `
  SELECT g.key, g.ts, g.deleted, g.table_id, g.document_id, d.json_value
  FROM (SELECT key, max(ts) AS ts, deleted, table_id, document_id FROM indexes
        WHERE index_id = ? AND key >= ? AND key < ? AND ts <= ?
        GROUP BY key ORDER BY key ${direction} LIMIT ?) g
  LEFT JOIN documents d ON d.ts = g.ts AND d.table_id = g.table_id AND d.id = g.document_id
  ORDER BY g.key ${direction}`;

/**
 * The SQLite index scan: prepared once per connection, one statement per direction.
 *
 * @internal
 * @example
 * ```ts
 * const scanner = new SqliteIndexScanner(db);
 * scanner.scan({ indexId, start, end, readTs, order: 'asc', limit: 100 });
 * ```
 */
export class SqliteIndexScanner {
  readonly #asc: BetterSqlite3.Statement<unknown[], ScanRow>;
  readonly #desc: BetterSqlite3.Statement<unknown[], ScanRow>;

  constructor(db: BetterSqlite3.Database) {
    this.#asc = db.prepare<unknown[], ScanRow>(scanSql('ASC')).safeIntegers(true);
    this.#desc = db.prepare<unknown[], ScanRow>(scanSql('DESC')).safeIntegers(true);
  }

  scan(request: IndexScanRequest): IndexScanPage {
    const statement = request.order === 'asc' ? this.#asc : this.#desc;
    const raw = statement.all(
      request.indexId,
      keyToBytes(request.start),
      keyToBytes(request.end),
      request.readTs,
      request.limit,
    );
    const rows: ScannedDocument[] = [];
    for (const row of raw) {
      if (row.deleted !== 0n || row.json_value === null) continue;
      rows.push({
        key: keyFromBytes(row.key),
        ts: row.ts,
        tableId: Number(row.table_id),
        internalId: row.document_id,
        json: row.json_value,
      });
    }
    const last = raw[raw.length - 1];
    let next: IndexKey | null = null;
    if (raw.length >= request.limit && last !== undefined) {
      const lastKey = keyFromBytes(last.key);
      next = request.order === 'asc' ? successor(lastKey) : lastKey;
    }
    return { rows, next };
  }
}
