import type pg from 'pg';
import type { PrefixScanQueries, RawIndexRow } from '../persistence/prefix-scan.ts';

interface Row {
  key_prefix: Buffer;
  key_sha256: Buffer;
  key_suffix: Buffer | null;
  ts: bigint;
  deleted: boolean;
  table_id: number;
  document_id: Buffer;
  json_value: string | null;
}

const COLUMNS = `i.key_prefix, i.key_sha256, i.key_suffix, i.ts, i.deleted, i.table_id, i.document_id, d.json_value
  FROM indexes i LEFT JOIN documents d ON NOT i.deleted AND d.ts = i.ts AND d.table_id = i.table_id AND d.id = i.document_id`;

const fetchSql = (order: 'asc' | 'desc', hiInclusive: boolean): string => {
  const dir = order === 'asc' ? 'ASC' : 'DESC';
  return `SELECT ${COLUMNS}
    WHERE i.index_id = $1 AND i.key_prefix >= $2 AND i.key_prefix ${hiInclusive ? '<=' : '<'} $3 AND i.ts <= $4
    ORDER BY i.key_prefix ${dir}, i.key_sha256 ${dir}, i.ts ${dir} LIMIT $5`;
};

function toRaw(row: Row): RawIndexRow {
  return {
    prefix: row.key_prefix,
    sha256: row.key_sha256,
    suffix: row.key_suffix,
    ts: row.ts,
    deleted: row.deleted,
    tableId: row.table_id,
    documentId: row.document_id,
    json: row.json_value,
  };
}

/**
 * The PostgreSQL queries of the prefix scan, as named prepared statements.
 *
 * @internal
 * @example
 * ```ts
 * prefixScan(postgresScanQueries(pool), request, POSTGRES_KEY_PREFIX);
 * ```
 */
export function postgresScanQueries(pool: pg.Pool): PrefixScanQueries {
  return {
    async fetch(q) {
      const name = `scan_${q.order}_${q.hiInclusive ? 'incl' : 'excl'}`;
      const result = await pool.query<Row>({
        name,
        text: fetchSql(q.order, q.hiInclusive),
        values: [q.indexId, q.lo, q.hi, q.readTs.toString(), q.limit],
      });
      return result.rows.map(toRaw);
    },
    async fetchRun(indexId, prefix, readTs) {
      const result = await pool.query<Row>({
        name: 'scan_run',
        text: `SELECT ${COLUMNS} WHERE i.index_id = $1 AND i.key_prefix = $2 AND i.ts <= $3 ORDER BY i.key_sha256, i.ts`,
        values: [indexId, prefix, readTs.toString()],
      });
      return result.rows.map(toRaw);
    },
    async fetchNewest(indexId, row, readTs) {
      const result = await pool.query<Row>({
        name: 'scan_newest',
        text: `SELECT ${COLUMNS} WHERE i.index_id = $1 AND i.key_prefix = $2 AND i.key_sha256 = $3 AND i.ts <= $4 ORDER BY i.ts DESC LIMIT 1`,
        values: [indexId, row.prefix, row.sha256, readTs.toString()],
      });
      const first = result.rows[0];
      return first === undefined ? null : toRaw(first);
    },
  };
}
