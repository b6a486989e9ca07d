import {
  makeDocumentId,
  newInternalId,
  normalizeDocumentId,
  parseDocumentId,
  type DocumentId,
  type InternalId,
  type JSONValue,
  type ParsedDocumentId,
  type TableNumber,
  type Value,
} from '@selfhost/values';
import { Catalog } from '../catalog/catalog.ts';
import type { DatabaseLimits } from '../limits/database-limits.ts';
import { createTable } from './catalog-writer.ts';
import { checkTableWritable, parseIdArgument } from './write-checks.ts';
import { enforceSchema } from '../schema/enforce-schema.ts';
import type { IndexInfo } from '../catalog/index-info.ts';
import { INDEX_TABLE, SCHEMAS_TABLE, TABLES_TABLE } from '../catalog/system-tables.ts';
import { isSystemTableName, type TableInfo } from '../catalog/table-info.ts';
import { creationTimeBase, nextUp } from '../documents/creation-time.ts';
import { checkFullDocument, checkUserValue } from '../documents/prepare-document.ts';
import { StoredDocument, type DocumentValue } from '../documents/stored-document.ts';
import { DatabaseError } from '../errors/database-error.ts';
import {
  indexKeyOf,
  KEY_MAX,
  KEY_MIN,
  prefixEnd,
  sortKeyOf,
  successor,
} from '../keys/index-key.ts';
import type { KeyInterval } from '../keys/interval-set.ts';
import { compileQuery, type CompiledQuery } from '../query/compile-query.ts';
import { IndexStream, type IndexReadContext } from '../query/index-stream.ts';
import { paginate, type PageResult, type PaginationOptions } from '../query/paginate.ts';
import { QueryStream } from '../query/query-stream.ts';
import type { SerializedQuery } from '../query/serialized-query.ts';
import type { Timestamp } from '../timestamp.ts';
import { PendingWrites } from './pending-writes.ts';
import { ReadSet } from './read-set.ts';
import type { Snapshot } from './snapshot.ts';
import type { TransactionHost } from './transaction-host.ts';
import { MetricCounters, type TransactionMetrics } from './transaction-metrics.ts';

/**
 * Options of one write call.
 *
 * @example
 * ```ts
 * await tx.insert('_scheduled_functions', job, { system: true });
 * ```
 */
export interface WriteOptions {
  /** Allow writing `_`-prefixed system tables (for system code, never for user code). */
  readonly system?: boolean | undefined;
  /** The table the id must belong to (Convex ≥ 1.31 passes it). */
  readonly table?: string | undefined;
}

/**
 * Options of `get`.
 *
 * @example
 * ```ts
 * await tx.get(id, { isSystem: false, table: 'messages' });
 * ```
 */
export interface GetOptions {
  /** The table the id must belong to. */
  readonly table?: string | undefined;
  /** `true`: only system tables (`db.system.get`); `false`: only user tables (`db.get`). */
  readonly isSystem?: boolean | undefined;
}

/**
 * A position to roll back to (nested mutations).
 *
 * @example
 * ```ts
 * const cp = tx.checkpoint();
 * try { await nested(); } catch { tx.rollbackTo(cp); }
 * ```
 */
export interface TransactionCheckpoint {
  readonly writes: number;
  readonly catalog: Catalog;
  readonly documentsWritten: number;
  readonly bytesWritten: number;
}

/**
 * A serializable transaction at a snapshot (semantics §1.2–§1.4). Reads see the snapshot plus
 * the transaction's own writes and are recorded in its read set; `commit()` validates the read
 * set against everything committed since (OCC) and makes the writes durable. Create with
 * `db.begin()`.
 *
 * @example
 * ```ts
 * const tx = db.begin();
 * const id = await tx.insert('messages', { body: 'hi' });
 * const { ts } = await tx.commit();
 * ```
 */
export class Transaction {
  /** The snapshot timestamp every read sees. */
  readonly snapshotTs: Timestamp;
  /** A query transaction: writes throw `ReadOnlyTransaction`. */
  readonly readOnly: boolean;
  readonly #host: TransactionHost;
  readonly #snapshot: Snapshot;
  #catalog: Catalog;
  readonly #readSet = new ReadSet();
  /** Read sets started by {@link captureReads}: each also gets every later read. */
  readonly #captures: ReadSet[] = [];
  readonly #pending = new PendingWrites();
  readonly #counters = new MetricCounters();
  #creationTime: number;
  #state: 'open' | 'committing' | 'done' = 'open';
  readonly #readContext: IndexReadContext;

  /** @internal Use `db.begin()`. */
  constructor(host: TransactionHost, snapshot: Snapshot, options: { readonly readOnly: boolean }) {
    this.#host = host;
    this.#snapshot = snapshot;
    this.snapshotTs = snapshot.ts;
    this.readOnly = options.readOnly;
    this.#catalog = snapshot.catalog;
    // `_creationTime` derives from the begin time: max(snapshot + 1, now), in ms (semantics §1.1).
    this.#creationTime = Math.max(creationTimeBase(snapshot.ts + 1n), Date.now());
    this.#readContext = {
      persistence: host.persistence,
      readTs: snapshot.ts,
      pendingEntries: (indexId) => this.#pending.indexEntries(indexId),
      recordRead: (indexId, interval) => this.#recordRead(indexId, interval),
      countRead: (document) => this.#countRead(document),
      documentOf: (row, tableNumber) =>
        StoredDocument.fromJson(
          makeDocumentId(tableNumber as never, row.internalId as InternalId),
          tableNumber,
          { ts: row.ts, json: row.json },
        ),
    };
  }

  /** The read set (frozen once the transaction ends). */
  get readSet(): ReadSet {
    return this.#readSet;
  }

  /** Reads and writes so far, against the limits (`getTransactionMetrics`). */
  metrics(): TransactionMetrics {
    this.#counters.intervals = this.#readSet.intervalCount;
    return this.#counters.snapshot(this.#host.limits);
  }

  /** @internal The catalog this transaction sees (with its own changes). */
  get catalog(): Catalog {
    return this.#catalog;
  }

  // --- Reads -------------------------------------------------------------------------------

  /**
   * The document with this id, or null (missing, deleted, or a table that does not exist).
   *
   * @throws {DatabaseError} `InvalidId` for a string that is not an id, or an id of another
   * table than `options.table`; `InvalidTable` when `isSystem` does not match the table.
   */
  async get(id: string, options: GetOptions = {}): Promise<StoredDocument | null> {
    this.#checkUsable();
    const parsed = parseIdArgument(id, 'get');
    const table = this.#tableOfId(parsed, options);
    if (table === undefined) return null;
    return this.#load(table, parsed);
  }

  async #load(table: TableInfo, parsed: ParsedDocumentId): Promise<StoredDocument | null> {
    const byId = this.#requireIndex(table, 'by_id');
    const key = sortKeyOf(parsed.id);
    this.#recordRead(byId.indexId, { start: key, end: successor(key) });
    const pending = this.#pending.get(parsed.id);
    if (pending !== undefined) return pending.current;
    const revision = await this.#host.persistence.loadDocument(
      table.number,
      parsed.internalId,
      this.snapshotTs,
    );
    if (revision === null) return null;
    const document = StoredDocument.fromJson(parsed.id, table.number, revision);
    this.#countRead(document);
    return document;
  }

  /**
   * Starts a query (`1.0/queryStream`): the JSON query language of compat §4.7.
   *
   * @throws {DatabaseError} `InvalidQuery`, `IndexNotFound`, `InvalidIndexRange`, `LimitExceeded`.
   */
  query(query: SerializedQuery | JSONValue): QueryStream {
    this.#checkUsable();
    const compiled = compileQuery(query, {
      limits: this.#host.limits,
      lookupTable: (name) => this.#lookupTable(name),
      lookupIndex: (table, name) => this.#lookupIndex(table, name),
    });
    const hint =
      compiled.operators[0]?.kind === 'limit' ? compiled.operators[0].limit + 1 : undefined;
    return new QueryStream(this.#openStream(compiled, compiled.interval, hint), compiled.operators);
  }

  /**
   * One page of a query (`1.0/queryPage`, semantics §3.4).
   *
   * @throws {DatabaseError} `InvalidCursor` for a malformed, forged or foreign cursor.
   */
  queryPage(query: SerializedQuery | JSONValue, options: PaginationOptions): Promise<PageResult> {
    this.#checkUsable();
    const compiled = compileQuery(query, {
      limits: this.#host.limits,
      lookupTable: (name) => this.#lookupTable(name),
      lookupIndex: (table, name) => this.#lookupIndex(table, name),
    });
    return paginate(
      {
        interval: compiled.interval,
        order: compiled.order,
        operators: compiled.operators,
        fingerprint: compiled.fingerprint,
        codec: this.#host.cursorCodec,
        maxPageSize: this.#host.limits.maxPageSize,
        openStream: (interval) => this.#openStream(compiled, interval, options.numItems + 1),
      },
      options,
    );
  }

  /** Live documents in a table at this snapshot, with this transaction's writes (`1.0/count`). */
  count(tableName: string): Promise<number> {
    this.#checkUsable();
    const table = this.#lookupTable(tableName);
    if (table === undefined) return Promise.resolve(0);
    this.#recordRead(this.#requireIndex(table, 'by_id').indexId, { start: KEY_MIN, end: KEY_MAX });
    let count = this.#snapshot.counts.get(table.number);
    for (const write of this.#pending.writes()) {
      if (write.tableNumber !== table.number) continue;
      if (write.base === null && write.current !== null) count++;
      else if (write.base !== null && write.current === null) count--;
    }
    return Promise.resolve(count);
  }

  /**
   * `db.normalizeId(table, text)`: the canonical id if `text` is an id (or legacy id) of the
   * table, else null (never throws for a bad string).
   */
  normalizeId(tableName: string, text: string): DocumentId | null {
    this.#checkUsable();
    const table = this.#lookupTable(tableName);
    return table === undefined ? null : normalizeDocumentId(text, table.number);
  }

  #openStream(
    compiled: CompiledQuery,
    interval: KeyInterval,
    pageSizeHint: number | undefined,
  ): IndexStream | null {
    if (compiled.table === undefined || compiled.index === undefined) return null;
    return new IndexStream(this.#readContext, {
      indexId: compiled.index.indexId,
      tableNumber: compiled.table.number,
      interval,
      order: compiled.order,
      pageSizeHint,
    });
  }

  // --- Writes ------------------------------------------------------------------------------

  /**
   * Inserts a document and returns its new id. Creates a user table on first insert.
   *
   * @throws {DatabaseError} `InvalidTable`, `InvalidDocument`, `LimitExceeded`,
   * `SchemaEnforcementError`.
   */
  insert(
    tableName: string,
    value: Record<string, Value | undefined>,
    options: WriteOptions = {},
  ): Promise<DocumentId> {
    try {
      return Promise.resolve(this.#insert(tableName, value, options));
    } catch (error) {
      return Promise.reject(error instanceof Error ? error : new Error(String(error)));
    }
  }

  #insert(
    tableName: string,
    value: Record<string, Value | undefined>,
    options: WriteOptions,
  ): DocumentId {
    this.#checkWritable('insert');
    const table = this.#tableForWrite(tableName, options);
    const internalId = newInternalId();
    const id = makeDocumentId(table.number, internalId);
    this.#creationTime = nextUp(this.#creationTime);
    checkUserValue(value, { id: null, creationTime: null, tableName });
    const document: DocumentValue = { ...value, _id: id, _creationTime: this.#creationTime };
    this.#write(table, { id, internalId, base: null, value: document });
    return id;
  }

  /**
   * Shallow-merges `fields` into a document (`1.0/shallowMerge`); an `undefined` field removes it.
   * Returns the new document.
   *
   * @throws {DatabaseError} `NonexistentDocument` when there is no such document.
   */
  async patch(
    id: string,
    fields: Record<string, Value | undefined>,
    options: WriteOptions = {},
  ): Promise<StoredDocument> {
    this.#checkWritable('patch');
    const { table, parsed, existing, base } = await this.#loadForWrite(id, 'Update', options);
    checkUserValue(fields, {
      id: existing.id,
      creationTime: existing.creationTime,
      tableName: table.name,
    });
    const document: DocumentValue = { ...existing.value };
    for (const [field, value] of Object.entries(fields)) {
      if (value === undefined) delete document[field];
      else document[field] = value;
    }
    return this.#write(table, {
      id: parsed.id,
      internalId: parsed.internalId,
      base,
      value: document,
    })!;
  }

  /**
   * Replaces a document's fields (`1.0/replace`). Returns the new document.
   *
   * @throws {DatabaseError} `NonexistentDocument` when there is no such document.
   */
  async replace(
    id: string,
    value: Record<string, Value | undefined>,
    options: WriteOptions = {},
  ): Promise<StoredDocument> {
    this.#checkWritable('replace');
    const { table, parsed, existing, base } = await this.#loadForWrite(id, 'Replace', options);
    checkUserValue(value, {
      id: existing.id,
      creationTime: existing.creationTime,
      tableName: table.name,
    });
    const document: DocumentValue = {
      ...value,
      _id: existing.id,
      _creationTime: existing.creationTime,
    };
    return this.#write(table, {
      id: parsed.id,
      internalId: parsed.internalId,
      base,
      value: document,
    })!;
  }

  /**
   * Deletes a document (`1.0/remove`). Returns the deleted document.
   *
   * @throws {DatabaseError} `NonexistentDocument` when there is no such document.
   */
  async delete(id: string, options: WriteOptions = {}): Promise<StoredDocument> {
    this.#checkWritable('delete');
    const { table, parsed, existing, base } = await this.#loadForWrite(id, 'Delete', options);
    this.#write(table, { id: parsed.id, internalId: parsed.internalId, base, value: null });
    return existing;
  }

  async #loadForWrite(id: string, verb: 'Update' | 'Replace' | 'Delete', options: WriteOptions) {
    const parsed = parseIdArgument(id, verb.toLowerCase());
    const table = this.#tableOfId(parsed, { table: options.table });
    const missing = (): DatabaseError =>
      new DatabaseError('NonexistentDocument', `${verb} on nonexistent document ID ${parsed.id}`, {
        documentId: parsed.id,
        tableName: table?.name,
      });
    if (table === undefined) throw missing();
    checkTableWritable(table.name, options);
    const existing = await this.#load(table, parsed);
    if (existing === null) throw missing();
    const pending = this.#pending.get(parsed.id);
    return { table, parsed, existing, base: pending === undefined ? existing : pending.base };
  }

  #write(
    table: TableInfo,
    write: {
      readonly id: DocumentId;
      readonly internalId: InternalId;
      readonly base: StoredDocument | null;
      readonly value: DocumentValue | null;
    },
  ): StoredDocument | null {
    this.#recordWriteReads(table);
    let current: StoredDocument | null = null;
    if (write.value !== null) {
      const size = checkFullDocument(write.value, this.#host.limits, table.name);
      enforceSchema(this.#catalog, { table, id: write.id, document: write.value });
      current = StoredDocument.fromValue(write.id, table.number, {
        ts: this.snapshotTs,
        value: write.value,
      });
      // Catalog documents (implicit table creation, indexes) do not count against user limits.
      if (!Catalog.isCatalogTable(table.number)) this.#counters.bytesWritten += size;
    }
    if (!Catalog.isCatalogTable(table.number)) this.#counters.documentsWritten += 1;
    const limits = this.#host.limits;
    if (this.#counters.documentsWritten > limits.maxWriteDocuments) {
      throw new DatabaseError(
        'LimitExceeded',
        `Too many documents written in a single transaction: the limit maxWriteDocuments is ${limits.maxWriteDocuments}.`,
        { tableName: table.name },
      );
    }
    if (this.#counters.bytesWritten > limits.maxWriteBytes) {
      throw new DatabaseError(
        'LimitExceeded',
        `Too many bytes written in a single transaction: the limit maxWriteBytes is ${limits.maxWriteBytes}.`,
        { tableName: table.name },
      );
    }
    this.#pending.apply(
      {
        id: write.id,
        tableNumber: table.number,
        internalId: write.internalId,
        base: write.base,
        current,
      },
      this.#catalog.writableIndexesOf(table.number),
    );
    if (Catalog.isCatalogTable(table.number))
      this.#catalog = this.#catalog.apply(table.number, write.id, write.value);
    return current;
  }

  #tableForWrite(tableName: string, options: WriteOptions): TableInfo {
    checkTableWritable(tableName, options);
    const table = this.#lookupTable(tableName);
    if (table !== undefined) return table;
    if (isSystemTableName(tableName))
      throw new DatabaseError('TableNotFound', `System table ${tableName} does not exist.`, {
        tableName,
      });
    return createTable(this, tableName, false);
  }

  /** @internal The limits in force. */
  get limits(): DatabaseLimits {
    return this.#host.limits;
  }

  /** @internal A fresh table number. */
  allocateTableNumber(system: boolean): TableNumber {
    return this.#host.allocateTableNumber(system);
  }

  /** @internal A fresh index id. */
  allocateIndexId(): number {
    return this.#host.allocateIndexId();
  }

  /** @internal Creates a table with its built-in indexes inside this transaction. */
  createTable(name: string, system = false): TableInfo {
    return createTable(this, name, system);
  }

  /** @internal Inserts a document into `_tables`, `_index` or `_schemas`. */
  writeCatalogDocument(tableNumber: number, value: Record<string, Value>): DocumentId {
    return this.#writeCatalog(tableNumber, value);
  }

  #writeCatalog(tableNumber: number, value: Record<string, Value>): DocumentId {
    this.#checkWritable('write');
    const table = this.#catalog.tableByNumber(tableNumber);
    const internalId = newInternalId();
    const id = makeDocumentId(tableNumber as never, internalId);
    this.#creationTime = nextUp(this.#creationTime);
    const document: DocumentValue = { ...value, _id: id, _creationTime: this.#creationTime };
    if (table === undefined) {
      // Bootstrapping: the catalog tables themselves are being created.
      this.#catalog = this.#catalog.apply(tableNumber, id, document);
      const self = this.#catalog.tableByNumber(tableNumber);
      this.#pending.apply(
        {
          id,
          tableNumber,
          internalId,
          base: null,
          current: StoredDocument.fromValue(id, tableNumber, {
            ts: this.snapshotTs,
            value: document,
          }),
        },
        self === undefined ? [] : this.#catalog.writableIndexesOf(tableNumber),
      );
      return id;
    }
    this.#write(table, { id, internalId, base: null, value: document });
    return id;
  }

  /** @internal Rewrites an `_index` or `_schemas` document (schema changes). */
  async updateCatalogDocument(
    tableNumber: number,
    id: DocumentId,
    value: Record<string, Value | undefined> | null,
  ): Promise<void> {
    const table = this.#catalog.tableByNumber(tableNumber)!;
    const parsed = parseDocumentId(id);
    const existing = await this.#load(table, parsed);
    if (existing === null)
      throw new DatabaseError('NonexistentDocument', `Update on nonexistent document ID ${id}`, {
        documentId: id,
      });
    const pending = this.#pending.get(parsed.id);
    const document =
      value === null ? null : { ...value, _id: existing.id, _creationTime: existing.creationTime };
    this.#write(table, {
      id: parsed.id,
      internalId: parsed.internalId,
      base: pending === undefined ? existing : pending.base,
      value: document,
    });
  }

  // --- Checkpoints and the end -------------------------------------------------------------

  /** A point to roll back to; reads stay in the read set. */
  checkpoint(): TransactionCheckpoint {
    return Object.freeze({
      writes: this.#pending.checkpoint(),
      catalog: this.#catalog,
      documentsWritten: this.#counters.documentsWritten,
      bytesWritten: this.#counters.bytesWritten,
    });
  }

  /** Undoes the writes made after `checkpoint` (a nested mutation that threw). */
  rollbackTo(checkpoint: TransactionCheckpoint): void {
    this.#checkUsable();
    this.#catalog = checkpoint.catalog;
    this.#pending.rollbackTo(checkpoint.writes, (n) => this.#catalog.writableIndexesOf(n));
    this.#counters.documentsWritten = checkpoint.documentsWritten;
    this.#counters.bytesWritten = checkpoint.bytesWritten;
  }

  /**
   * Commits: OCC validation, then durable, then published. Resolves with the commit timestamp
   * (the snapshot ts for a transaction without writes).
   *
   * @throws {DatabaseError} `OptimisticConcurrencyControlFailure` (retryable) naming the table,
   * index and document; `OutOfRetention` (retryable).
   */
  async commit(): Promise<{ readonly ts: Timestamp }> {
    this.#checkUsable();
    this.#state = 'committing';
    this.#readSet.freeze();
    try {
      if (this.#pending.size === 0) return { ts: this.snapshotTs };
      const ts = await this.#host.commit({
        beginTs: this.snapshotTs,
        readSet: this.#readSet,
        writes: [...this.#pending.writes()],
        catalog: this.#catalog,
      });
      return { ts };
    } finally {
      this.#state = 'done';
      this.#host.release(this.snapshotTs);
    }
  }

  /**
   * Makes this transaction depend on what an earlier transaction read (`reads`, at `readTs`),
   * provided none of it changed since: the function runner keeps a query's or mutation's
   * context for the next execution of its module, and state that context kept may derive from
   * those reads. Returns false, adopting nothing, when a commit after `readTs` wrote inside
   * `reads` (or the write log no longer reaches back to `readTs`), when `readTs` is later than
   * this snapshot, or when the merged read set would exceed `maxReadIntervals`.
   */
  adoptReads(reads: ReadSet, readTs: Timestamp): boolean {
    this.#checkUsable();
    if (readTs > this.snapshotTs) return false;
    if (this.#readSet.intervalCount + reads.intervalCount > this.#host.limits.maxReadIntervals) return false;
    if (readTs < this.snapshotTs && this.#host.readSetChanged(reads, readTs, this.snapshotTs)) return false;
    for (const indexId of reads.indexIds()) {
      for (const interval of reads.intervalsOf(indexId)) {
        this.#readSet.add(indexId, interval);
        for (const capture of this.#captures) capture.add(indexId, interval);
      }
    }
    return true;
  }

  /**
   * A read set that receives every read recorded from now on (and reads adopted with
   * {@link adoptReads}), apart from what the transaction read before: the function runner
   * keeps what a function read, without the bookkeeping its caller did in the same
   * transaction (such as looking up a mutation's earlier outcome).
   */
  captureReads(): ReadSet {
    const capture = new ReadSet();
    this.#captures.push(capture);
    return capture;
  }

  /** Ends the transaction without writing. The read set stays available. Safe to call twice. */
  abort(): void {
    if (this.#state !== 'open') return;
    this.#state = 'done';
    this.#readSet.freeze();
    this.#host.release(this.snapshotTs);
  }

  /** Whether the transaction is still open. */
  get isOpen(): boolean {
    return this.#state === 'open';
  }

  /** Whether the transaction has ended: aborted, or its commit finished (either way). */
  get ended(): boolean {
    return this.#state === 'done';
  }

  // --- Helpers -----------------------------------------------------------------------------

  #checkUsable(): void {
    if (this.#state !== 'open')
      throw new DatabaseError(
        'TransactionClosed',
        'This transaction has already been committed or aborted: begin a new one.',
      );
    this.#host.checkOpen();
  }

  #checkWritable(operation: string): void {
    this.#checkUsable();
    if (this.readOnly)
      throw new DatabaseError(
        'ReadOnlyTransaction',
        `Cannot ${operation} in a read-only transaction (a query): use a mutation.`,
      );
  }

  #tableOfId(parsed: ParsedDocumentId, options: GetOptions): TableInfo | undefined {
    const table = this.#catalog.tableByNumber(parsed.tableNumber);
    if (options.table !== undefined) {
      const named = this.#lookupTable(options.table);
      if (table !== undefined && named?.number !== table.number) {
        throw new DatabaseError(
          'InvalidId',
          `Invalid argument \`id\`: ${parsed.id} is an ID of table "${table.name}", not of table "${options.table}".`,
          { tableName: options.table, documentId: parsed.id },
        );
      }
    }
    if (
      table !== undefined &&
      options.isSystem !== undefined &&
      isSystemTableName(table.name) !== options.isSystem
    ) {
      throw new DatabaseError(
        'InvalidTable',
        options.isSystem
          ? `db.system.get can only read system tables, but ${parsed.id} is in "${table.name}": use db.get.`
          : `db.get cannot read system table "${table.name}": use db.system.get.`,
        { tableName: table.name, documentId: parsed.id },
      );
    }
    return table;
  }

  #lookupTable(name: string): TableInfo | undefined {
    const key = indexKeyOf([name]);
    this.#recordRead(TABLES_TABLE.byName, { start: key, end: prefixEnd(key) });
    return this.#catalog.tableByName(name);
  }

  #lookupIndex(table: TableInfo, name: string): IndexInfo | undefined {
    const key = indexKeyOf([table.number, name]);
    this.#recordRead(INDEX_TABLE.byTable, { start: key, end: prefixEnd(key) });
    return this.#catalog.index(table.number, name);
  }

  #requireIndex(table: TableInfo, name: 'by_id' | 'by_creation_time'): IndexInfo {
    const index = this.#catalog.index(table.number, name);
    if (index === undefined)
      throw new Error(`Assertion failed: table ${table.name} has no ${name} index`);
    return index;
  }

  /** Writes depend on the table existing, its index set and the active schema (§1.3). */
  #recordWriteReads(table: TableInfo): void {
    const name = indexKeyOf([table.name]);
    this.#recordRead(TABLES_TABLE.byName, { start: name, end: prefixEnd(name) });
    const indexes = indexKeyOf([table.number]);
    this.#recordRead(INDEX_TABLE.byTable, { start: indexes, end: prefixEnd(indexes) });
    const schema = indexKeyOf(['active']);
    this.#recordRead(SCHEMAS_TABLE.byState, { start: schema, end: prefixEnd(schema) });
  }

  #recordRead(indexId: number, interval: KeyInterval): void {
    for (const capture of this.#captures) capture.add(indexId, interval);
    const count = this.#readSet.add(indexId, interval);
    const limit = this.#host.limits.maxReadIntervals;
    if (count > limit) {
      throw new DatabaseError(
        'LimitExceeded',
        `Too many index ranges read in a single transaction: the limit maxReadIntervals is ${limit}.`,
      );
    }
  }

  #countRead(document: StoredDocument): void {
    const limits = this.#host.limits;
    this.#counters.documentsRead += 1;
    this.#counters.bytesRead += document.byteSize;
    if (this.#counters.documentsRead > limits.maxReadDocuments) {
      throw new DatabaseError(
        'LimitExceeded',
        `Too many documents read in a single transaction: the limit maxReadDocuments is ${limits.maxReadDocuments}.`,
      );
    }
    if (this.#counters.bytesRead > limits.maxReadBytes) {
      throw new DatabaseError(
        'LimitExceeded',
        `Too many bytes read in a single transaction: the limit maxReadBytes is ${limits.maxReadBytes}.`,
      );
    }
  }
}
