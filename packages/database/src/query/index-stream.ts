import type { StoredDocument } from '../documents/stored-document.ts';
import { successor, type IndexKey } from '../keys/index-key.ts';
import type { KeyInterval } from '../keys/interval-set.ts';
import type { Persistence, ScannedDocument } from '../persistence/persistence.ts';
import type { SortedKeyMap } from '../transaction/sorted-key-map.ts';

/**
 * What an index stream needs from its transaction.
 *
 * @internal
 * @example
 * ```ts
 * const stream = new IndexStream(tx.readContext, { indexId, tableNumber, interval, order: 'asc' });
 * ```
 */
export interface IndexReadContext {
  readonly persistence: Persistence;
  readonly readTs: bigint;
  pendingEntries(indexId: number): SortedKeyMap<StoredDocument | null> | undefined;
  /** Adds an interval to the read set (and enforces the interval limit). */
  recordRead(indexId: number, interval: KeyInterval): void;
  /** Counts a scanned document (and enforces the read limits). */
  countRead(document: StoredDocument): void;
  /** Wraps a storage row. */
  documentOf(row: ScannedDocument, tableNumber: number): StoredDocument;
}

/**
 * One row of an index stream.
 *
 * @example
 * ```ts
 * const row: IndexStreamRow | null = await stream.next();
 * ```
 */
export interface IndexStreamRow {
  readonly key: IndexKey;
  readonly document: StoredDocument;
}

/**
 * Anything that yields index rows in order (an {@link IndexStream}, or a wrapper around one).
 *
 * @internal
 * @example
 * ```ts
 * const source: RowSource = stream;
 * ```
 */
export interface RowSource {
  next(): Promise<IndexStreamRow | null>;
  readonly done: boolean;
}

const FIRST_PAGE = 32;
const MAX_PAGE = 1024;

/**
 * Streams an index range at the transaction's snapshot, merged with the transaction's own
 * writes (pending entries win on equal keys; pending tombstones hide stored rows). Every row it
 * yields extends the read set to cover the range from its start up to that row; once exhausted
 * the whole range is covered (semantics §1.3 and §12.1: only the consumed prefix).
 *
 * @internal
 * @example
 * ```ts
 * for (let row = await stream.next(); row; row = await stream.next()) use(row.document);
 * ```
 */
export class IndexStream implements RowSource {
  readonly #ctx: IndexReadContext;
  readonly #indexId: number;
  readonly #tableNumber: number;
  readonly #start: IndexKey;
  readonly #end: IndexKey;
  readonly #order: 'asc' | 'desc';
  /** Unconsumed part: asc [#position, end), desc [start, #position). */
  #position: IndexKey;
  #buffer: ScannedDocument[] = [];
  #bufferAt = 0;
  #storageNext: IndexKey | null;
  #pageSize: number;
  #done = false;
  /** Rows yielded so far (for page splitting). */
  readonly yieldedKeys: IndexKey[] = [];

  constructor(
    ctx: IndexReadContext,
    options: {
      readonly indexId: number;
      readonly tableNumber: number;
      readonly interval: KeyInterval;
      readonly order: 'asc' | 'desc';
      readonly pageSizeHint?: number | undefined;
    },
  ) {
    this.#ctx = ctx;
    this.#indexId = options.indexId;
    this.#tableNumber = options.tableNumber;
    this.#start = options.interval.start;
    this.#end = options.interval.end;
    this.#order = options.order;
    this.#position = this.#order === 'asc' ? this.#start : this.#end;
    this.#storageNext = this.#position;
    this.#pageSize = Math.min(MAX_PAGE, Math.max(1, options.pageSizeHint ?? FIRST_PAGE));
  }

  get done(): boolean {
    return this.#done;
  }

  async #storageHead(): Promise<ScannedDocument | undefined> {
    for (;;) {
      while (this.#bufferAt < this.#buffer.length) {
        const row = this.#buffer[this.#bufferAt]!;
        // Skip rows the merge has already passed (a pending row may have moved the position).
        if (this.#order === 'asc' ? row.key >= this.#position : row.key < this.#position)
          return row;
        this.#bufferAt++;
      }
      if (this.#storageNext === null) return undefined;
      const asc = this.#order === 'asc';
      const page = await this.#ctx.persistence.scanIndex({
        indexId: this.#indexId,
        start: asc ? this.#storageNext : this.#start,
        end: asc ? this.#end : this.#storageNext,
        readTs: this.#ctx.readTs,
        order: this.#order,
        limit: this.#pageSize,
      });
      this.#pageSize = Math.min(MAX_PAGE, this.#pageSize * 2);
      this.#buffer = page.rows as ScannedDocument[];
      this.#bufferAt = 0;
      this.#storageNext = page.next;
    }
  }

  /** The next row, or null when the range is exhausted. */
  async next(): Promise<IndexStreamRow | null> {
    if (this.#done) return null;
    const asc = this.#order === 'asc';
    for (;;) {
      const stored = await this.#storageHead();
      const pendingMap = this.#ctx.pendingEntries(this.#indexId);
      const pending = pendingMap?.first(
        asc ? this.#position : this.#start,
        asc ? this.#end : this.#position,
        this.#order,
      );
      let key: IndexKey;
      let document: StoredDocument | null;
      if (
        pending !== undefined &&
        (stored === undefined || (asc ? pending[0] <= stored.key : pending[0] >= stored.key))
      ) {
        [key, document] = pending;
        if (stored !== undefined && stored.key === key) this.#bufferAt++;
      } else if (stored !== undefined) {
        key = stored.key;
        this.#bufferAt++;
        const shadow = pendingMap?.get(key);
        document = shadow !== undefined ? shadow : this.#ctx.documentOf(stored, this.#tableNumber);
      } else {
        this.#done = true;
        this.#ctx.recordRead(this.#indexId, { start: this.#start, end: this.#end });
        return null;
      }
      this.#position = asc ? successor(key) : key;
      if (document === null) continue;
      this.#ctx.recordRead(
        this.#indexId,
        asc
          ? { start: this.#start, end: this.#position }
          : { start: this.#position, end: this.#end },
      );
      this.#ctx.countRead(document);
      this.yieldedKeys.push(key);
      return { key, document };
    }
  }
}
