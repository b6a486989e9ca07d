import { keyFromBytes, keyToBytes, successor, type IndexKey } from '../keys/index-key.ts';
import type { IndexScanPage, IndexScanRequest, ScannedDocument } from './persistence.ts';
import { incrementPrefix } from './split-key.ts';

/**
 * A raw row of a prefix-keyed index table, joined to its document (json null for tombstones).
 *
 * @internal
 * @example
 * ```ts
 * const row: RawIndexRow = { prefix, sha256, suffix: null, ts, deleted: false, tableId, documentId, json };
 * ```
 */
export interface RawIndexRow {
  readonly prefix: Buffer;
  readonly sha256: Buffer;
  readonly suffix: Buffer | null;
  readonly ts: bigint;
  readonly deleted: boolean;
  readonly tableId: number;
  readonly documentId: Buffer;
  readonly json: string | null;
}

/**
 * The SQL a server driver runs for {@link prefixScan}.
 *
 * @internal
 * @example
 * ```ts
 * const driver: PrefixScanQueries = { fetch, fetchRun };
 * ```
 */
export interface PrefixScanQueries {
  /**
   * Rows of `indexId` with `lo ≤ key_prefix` and `key_prefix < hi` (`≤` when `hiInclusive`),
   * `ts ≤ readTs`, ordered by (key_prefix, key_sha256, ts) in `order`, at most `limit`.
   */
  fetch(query: {
    readonly indexId: number;
    readonly lo: Buffer;
    readonly hi: Buffer;
    readonly hiInclusive: boolean;
    readonly readTs: bigint;
    readonly order: 'asc' | 'desc';
    readonly limit: number;
  }): Promise<RawIndexRow[]>;
  /** Every row of `indexId` with exactly this prefix and `ts ≤ readTs` (a run of long keys). */
  fetchRun(indexId: number, prefix: Buffer, readTs: bigint): Promise<RawIndexRow[]>;
  /** The newest row ≤ readTs of one key. */
  fetchNewest(indexId: number, row: RawIndexRow, readTs: bigint): Promise<RawIndexRow | null>;
}

interface Group {
  readonly key: IndexKey;
  readonly newest: RawIndexRow;
  readonly prefix: Buffer;
  readonly long: boolean;
}

function fullKey(row: RawIndexRow): IndexKey {
  return keyFromBytes(row.suffix === null ? row.prefix : Buffer.concat([row.prefix, row.suffix]));
}

function groupRows(
  rows: readonly RawIndexRow[],
  prefixLength: number,
): { groups: Group[]; starts: number[] } {
  const groups: Group[] = [];
  const starts: number[] = [];
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i]!;
    const last = groups[groups.length - 1];
    if (
      last !== undefined &&
      last.newest.sha256.equals(row.sha256) &&
      last.prefix.equals(row.prefix)
    ) {
      if (row.ts > last.newest.ts) groups[groups.length - 1] = { ...last, newest: row };
      continue;
    }
    starts.push(i);
    groups.push({
      key: fullKey(row),
      newest: row,
      prefix: row.prefix,
      long: row.prefix.length >= prefixLength && row.suffix !== null,
    });
  }
  return { groups, starts };
}

function toDocument(group: Group, request: IndexScanRequest): ScannedDocument | null {
  const row = group.newest;
  if (row.deleted || row.json === null) return null;
  if (group.key < request.start || group.key >= request.end) return null;
  return {
    key: group.key,
    ts: row.ts,
    tableId: row.tableId,
    internalId: row.documentId,
    json: row.json,
  };
}

/**
 * The index scan for servers that store keys as prefix + hash (+ suffix): SQL returns every
 * version in (prefix, hash) order; the newest version ≤ readTs per key is picked here, and keys
 * longer than the prefix — whose order the hash scrambles — are read as a whole run of their
 * prefix and sorted by full key, so the exact full-key order is restored.
 *
 * @internal
 * @example
 * ```ts
 * return prefixScan(queries, request, 2500);
 * ```
 */
export async function prefixScan(
  queries: PrefixScanQueries,
  request: IndexScanRequest,
  prefixLength: number,
): Promise<IndexScanPage> {
  const asc = request.order === 'asc';
  const startBytes = keyToBytes(request.start);
  const endBytes = keyToBytes(request.end);
  const lo = startBytes.length > prefixLength ? startBytes.subarray(0, prefixLength) : startBytes;
  const hiInclusive = endBytes.length > prefixLength;
  const hi = hiInclusive ? endBytes.subarray(0, prefixLength) : endBytes;
  const limit = Math.max(2, request.limit);
  const rows = await queries.fetch({
    indexId: request.indexId,
    lo,
    hi,
    hiInclusive,
    readTs: request.readTs,
    order: request.order,
    limit,
  });
  const full = rows.length >= limit;
  let { groups } = groupRows(rows, prefixLength);
  // A full page may have cut the last key's versions short.
  if (full) groups = groups.slice(0, -1);
  const firstLong = groups.findIndex((g) => g.long);
  if (firstLong > 0) groups = groups.slice(0, firstLong);
  else if (
    firstLong === 0 ||
    (groups.length === 0 &&
      rows[0] !== undefined &&
      rows[0].prefix.length >= prefixLength &&
      rows[0].suffix !== null)
  ) {
    // A run of long keys sharing one prefix: read it whole and sort by full key.
    const prefix = groups[0]?.prefix ?? rows[0]!.prefix;
    const run = groupRows(
      await queries.fetchRun(request.indexId, prefix, request.readTs),
      prefixLength,
    ).groups;
    const byKey = new Map<IndexKey, Group>();
    for (const g of run) byKey.set(g.key, g);
    const sorted = [...byKey.values()].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    if (!asc) sorted.reverse();
    const docs = sorted
      .map((g) => toDocument(g, request))
      .filter((d): d is ScannedDocument => d !== null);
    const nextBytes = asc ? incrementPrefix(prefix) : prefix;
    const next = keyFromBytes(nextBytes);
    const exhausted = asc ? next >= request.end : next <= request.start;
    return { rows: docs, next: exhausted ? null : next };
  } else if (groups.length === 0 && rows[0] !== undefined) {
    // One key has at least `limit` versions: ask for its newest directly.
    const newest = await queries.fetchNewest(request.indexId, rows[0], request.readTs);
    const key = fullKey(rows[0]);
    const group: Group | null =
      newest === null ? null : { key, newest, prefix: newest.prefix, long: false };
    const doc = group === null ? null : toDocument(group, request);
    return { rows: doc === null ? [] : [doc], next: asc ? successor(key) : key };
  }
  const docs: ScannedDocument[] = [];
  for (const g of groups) {
    const doc = toDocument(g, request);
    if (doc !== null) docs.push(doc);
  }
  const truncated = full || firstLong > 0;
  const last = groups[groups.length - 1];
  let next: IndexKey | null = null;
  if (truncated && last !== undefined) next = asc ? successor(last.key) : last.key;
  return { rows: docs, next };
}
