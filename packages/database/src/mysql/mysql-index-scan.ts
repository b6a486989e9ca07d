import type { Pool } from 'mysql2/promise';
import type { PrefixScanQueries, RawIndexRow } from '../persistence/prefix-scan.ts';

interface Row {
  key_prefix: Buffer;
  key_sha256: Buffer;
  key_suffix: Buffer | null;
  ts: string;
  deleted: number;
  table_id: number;
  document_id: Buffer;
  json_value: string | null;
}

const COLUMNS = `i.key_prefix, i.key_sha256, i.key_suffix, i.ts, i.deleted, i.table_id, i.document_id, d.json_value
  FROM indexes i LEFT JOIN documents d ON i.deleted = 0 AND d.ts = i.ts AND d.table_id = i.table_id AND d.id = i.document_id`;

function toRaw(row: Row): RawIndexRow {
  return {
    prefix: row.key_prefix,
    sha256: row.key_sha256,
    suffix: row.key_suffix,
    ts: BigInt(row.ts),
    deleted: row.deleted !== 0,
    tableId: row.table_id,
    documentId: row.document_id,
    json: row.json_value,
  };
}

/**
 * The MySQL/MariaDB queries of the prefix scan.
 *
 * @internal
 * @example
 * ```ts
 * prefixScan(mysqlScanQueries(pool), request, MYSQL_KEY_PREFIX);
 * ```
 */
export function mysqlScanQueries(pool: Pool): PrefixScanQueries {
  return {
    async fetch(q) {
      const dir = q.order === 'asc' ? 'ASC' : 'DESC';
      const [rows] = await pool.query(
        `SELECT ${COLUMNS} WHERE i.index_id = ? AND i.key_prefix >= ? AND i.key_prefix ${q.hiInclusive ? '<=' : '<'} ? AND i.ts <= ?
         ORDER BY i.key_prefix ${dir}, i.key_sha256 ${dir}, i.ts ${dir} LIMIT ${Math.floor(q.limit)}`,
        [q.indexId, q.lo, q.hi, q.readTs.toString()],
      );
      return (rows as Row[]).map(toRaw);
    },
    async fetchRun(indexId, prefix, readTs) {
      const [rows] = await pool.query(
        `SELECT ${COLUMNS} WHERE i.index_id = ? AND i.key_prefix = ? AND i.ts <= ? ORDER BY i.key_sha256, i.ts`,
        [indexId, prefix, readTs.toString()],
      );
      return (rows as Row[]).map(toRaw);
    },
    async fetchNewest(indexId, row, readTs) {
      const [rows] = await pool.query(
        `SELECT ${COLUMNS} WHERE i.index_id = ? AND i.key_prefix = ? AND i.key_sha256 = ? AND i.ts <= ? ORDER BY i.ts DESC LIMIT 1`,
        [indexId, row.prefix, row.sha256, readTs.toString()],
      );
      const first = (rows as Row[])[0];
      return first === undefined ? null : toRaw(first);
    },
  };
}
