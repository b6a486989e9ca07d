import type { DocumentId, InternalId } from '@selfhost/values';
import type { IndexInfo } from '../catalog/index-info.ts';
import { documentIndexKey } from '../documents/index-keys.ts';
import type { StoredDocument } from '../documents/stored-document.ts';
import { SortedKeyMap } from './sorted-key-map.ts';

/**
 * A transaction's net write to one document.
 *
 * @example
 * ```ts
 * const write: PendingWrite = { id, tableNumber, internalId, base: null, current: doc };
 * ```
 */
export interface PendingWrite {
  readonly id: DocumentId;
  readonly tableNumber: number;
  readonly internalId: InternalId;
  /** The revision at the snapshot; null when this transaction inserted the document. */
  readonly base: StoredDocument | null;
  /** The value now; null when deleted. */
  readonly current: StoredDocument | null;
}

/**
 * The writes of one transaction: by document, and per index as a sorted key map (new keys → the
 * document, old keys → null tombstones) so index scans can merge them with storage. An undo log
 * gives checkpoints for nested mutations.
 *
 * @internal
 * @example
 * ```ts
 * pending.apply(write, catalog.writableIndexesOf(write.tableNumber));
 * const cp = pending.checkpoint();
 * pending.rollbackTo(cp, (n) => catalog.writableIndexesOf(n));
 * ```
 */
export class PendingWrites {
  readonly #byId = new Map<DocumentId, PendingWrite>();
  #byIndex = new Map<number, SortedKeyMap<StoredDocument | null>>();
  readonly #undo: { readonly id: DocumentId; readonly previous: PendingWrite | undefined }[] = [];

  get size(): number {
    return this.#byId.size;
  }

  get(id: DocumentId): PendingWrite | undefined {
    return this.#byId.get(id);
  }

  /** Every net write. */
  writes(): IterableIterator<PendingWrite> {
    return this.#byId.values();
  }

  /** The pending entries of one index, if any. */
  indexEntries(indexId: number): SortedKeyMap<StoredDocument | null> | undefined {
    return this.#byIndex.get(indexId);
  }

  /** Records `write` (replacing an earlier write of the same document). */
  apply(write: PendingWrite, indexes: readonly IndexInfo[]): void {
    const previous = this.#byId.get(write.id);
    this.#undo.push({ id: write.id, previous });
    this.#byId.set(write.id, write);
    this.#index(previous === undefined ? write.base : previous.current, write.current, indexes);
  }

  #index(
    before: StoredDocument | null,
    after: StoredDocument | null,
    indexes: readonly IndexInfo[],
  ): void {
    for (const index of indexes) {
      let entries = this.#byIndex.get(index.indexId);
      if (entries === undefined) {
        entries = new SortedKeyMap();
        this.#byIndex.set(index.indexId, entries);
      }
      if (before !== null) entries.set(documentIndexKey(index, before.value), null);
      if (after !== null) entries.set(documentIndexKey(index, after.value), after);
    }
  }

  /** A position in the undo log. */
  checkpoint(): number {
    return this.#undo.length;
  }

  /** Undoes every write after `checkpoint`, then rebuilds the index maps. */
  rollbackTo(checkpoint: number, indexesOf: (tableNumber: number) => readonly IndexInfo[]): void {
    while (this.#undo.length > checkpoint) {
      const { id, previous } = this.#undo.pop()!;
      if (previous === undefined) this.#byId.delete(id);
      else this.#byId.set(id, previous);
    }
    this.#byIndex = new Map();
    for (const write of this.#byId.values())
      this.#index(write.base, write.current, indexesOf(write.tableNumber));
  }
}
