import { convexToJson, type DocumentId } from '@selfhost/values';
import { Catalog } from '../catalog/catalog.ts';
import { documentIndexKey } from '../documents/index-keys.ts';
import { resolveCommitTs } from '../documents/prepare-document.ts';
import type { DocumentValue } from '../documents/stored-document.ts';
import type { IndexKey } from '../keys/index-key.ts';
import type { DocumentRow, IndexRow } from '../persistence/persistence.ts';
import type { CommitRequest } from '../transaction/transaction-host.ts';
import type { IndexWrites } from './write-log.ts';

/**
 * Everything one commit writes and publishes.
 *
 * @internal
 * @example
 * ```ts
 * const rows = buildCommitRows(request, ts);
 * ```
 */
export interface CommitRows {
  readonly documents: DocumentRow[];
  readonly indexes: IndexRow[];
  readonly writes: Map<number, IndexWrites>;
  readonly tablesWritten: Set<number>;
  readonly countDeltas: Map<number, number>;
  /** Writes to `_tables` / `_index` / `_schemas`, in order, to apply to the published catalog. */
  readonly catalogChanges: {
    readonly tableNumber: number;
    readonly id: DocumentId;
    readonly value: DocumentValue | null;
  }[];
  readonly bytes: number;
}

/**
 * Turns a transaction's net writes into document-log rows, index rows (a live row per new key,
 * a tombstone per old key that changed; semantics §1.4 step 5) and the write-log entry.
 * `{"$commitTs": null}` placeholders become the commit timestamp here.
 *
 * @internal
 * @example
 * ```ts
 * const rows = buildCommitRows(request, ts);
 * await persistence.write(rows);
 * ```
 */
export function buildCommitRows(request: CommitRequest, ts: bigint): CommitRows {
  const documents: DocumentRow[] = [];
  const indexes: IndexRow[] = [];
  const writes = new Map<number, { keys: IndexKey[]; documentIds: DocumentId[] }>();
  const tablesWritten = new Set<number>();
  const countDeltas = new Map<number, number>();
  const catalogChanges: CommitRows['catalogChanges'] = [];
  let bytes = 0;
  for (const write of request.writes) {
    const { base, current } = write;
    if (base === null && current === null) continue;
    let value: DocumentValue | null = null;
    let json: string | null = null;
    if (current !== null) {
      json = current.json;
      value = current.value;
      if (json.includes('"$commitTs"')) {
        value = resolveCommitTs(value, ts) as DocumentValue;
        json = JSON.stringify(convexToJson(value));
      }
    }
    documents.push({
      tableId: write.tableNumber,
      internalId: write.internalId,
      ts,
      json,
      prevTs: base?.ts ?? null,
    });
    tablesWritten.add(write.tableNumber);
    const delta = base === null ? 1 : current === null ? -1 : 0;
    if (delta !== 0)
      countDeltas.set(write.tableNumber, (countDeltas.get(write.tableNumber) ?? 0) + delta);
    if (Catalog.isCatalogTable(write.tableNumber))
      catalogChanges.push({ tableNumber: write.tableNumber, id: write.id, value });
    bytes += 64 + (json?.length ?? 0);
    for (const index of request.catalog.writableIndexesOf(write.tableNumber)) {
      const oldKey = base === null ? null : documentIndexKey(index, base.value);
      const newKey = value === null ? null : documentIndexKey(index, value);
      let log = writes.get(index.indexId);
      if (log === undefined) {
        log = { keys: [], documentIds: [] };
        writes.set(index.indexId, log);
      }
      if (newKey !== null) {
        indexes.push({
          indexId: index.indexId,
          key: newKey,
          ts,
          deleted: false,
          tableId: write.tableNumber,
          internalId: write.internalId,
        });
        log.keys.push(newKey);
        log.documentIds.push(write.id);
        bytes += 48 + newKey.length;
      }
      if (oldKey !== null && oldKey !== newKey) {
        indexes.push({
          indexId: index.indexId,
          key: oldKey,
          ts,
          deleted: true,
          tableId: write.tableNumber,
          internalId: write.internalId,
        });
        log.keys.push(oldKey);
        log.documentIds.push(write.id);
        bytes += 48 + oldKey.length;
      }
    }
  }
  return { documents, indexes, writes, tablesWritten, countDeltas, catalogChanges, bytes };
}
