import type { JSONValue } from '@selfhost/values';

/**
 * A document as syscalls exchange it: a Convex-JSON object with `_id` and `_creationTime`.
 *
 * @example
 * ```ts
 * const doc: DocumentJson = { _id: 'j57…', _creationTime: 1700000000000.5, body: 'hi' };
 * ```
 */
export type DocumentJson = { readonly [field: string]: JSONValue };

/**
 * One open `db.query(…)` stream of a transaction. Documents are read lazily, so only what
 * the function consumed enters the read set.
 *
 * @example
 * ```ts
 * const doc = await stream.next(); // null at the end
 * ```
 */
export interface UdfQueryStream {
  /** The next document as Convex-JSON text, or `null` when the range is exhausted. */
  next(): Promise<string | null>;
  /** Frees the stream (the function stopped iterating). */
  close(): void;
}

/**
 * Arguments of `1.0/queryPage` (`.paginate()`), compat spec §4.7.
 *
 * @example
 * ```ts
 * const request: UdfPageRequest = { cursor: null, endCursor: null, pageSize: 10, maximumRowsRead: null, maximumBytesRead: null };
 * ```
 */
export interface UdfPageRequest {
  readonly cursor: string | null;
  readonly endCursor: string | null;
  readonly pageSize: number;
  readonly maximumRowsRead: number | null;
  readonly maximumBytesRead: number | null;
}

/**
 * Result of `1.0/queryPage`.
 *
 * @example
 * ```ts
 * const result: UdfPageResult = { page: [], isDone: true, continueCursor: '…', splitCursor: null, pageStatus: null };
 * ```
 */
export interface UdfPageResult {
  /** Documents as Convex-JSON text. */
  readonly page: readonly string[];
  readonly isDone: boolean;
  readonly continueCursor: string;
  readonly splitCursor: string | null;
  readonly pageStatus: 'SplitRecommended' | 'SplitRequired' | null;
}

/**
 * What `ctx.meta.getTransactionMetrics()` reports: each counter's `used` and `remaining`.
 *
 * @example
 * ```ts
 * metrics.documentsRead.used;
 * ```
 */
export type UdfTransactionMetrics = {
  readonly [counter in
    | 'bytesRead'
    | 'bytesWritten'
    | 'databaseQueries'
    | 'documentsRead'
    | 'documentsWritten'
    | 'functionsScheduled'
    | 'scheduledFunctionArgsBytes']: { readonly used: number; readonly remaining: number };
};

/**
 * The database transaction a query or mutation runs in, as the syscall handlers need it.
 * The caller begins it (and, for mutations, commits it and retries on OCC conflicts); the
 * runner only reads and writes through it. Values are Convex-JSON (documents read come back
 * as JSON text, embedded in syscall results without re-encoding). Methods throw the
 * database's errors; the runner turns the developer-class ones into errors of the function.
 *
 * `createDatabaseTransaction` adapts a `@selfhost/database` transaction to this interface.
 *
 * @example
 * ```ts
 * const result = await deployment.run({ udfType: 'query', path: 'messages:list', args: {}, transaction });
 * ```
 */
export interface UdfTransaction {
  /** Whether writes are allowed (mutations). */
  readonly writable: boolean;
  /**
   * What the functions run in this transaction have read so far, to keep with a context the
   * runner keeps for its module's next execution (opaque to the runner; see {@link adoptReads}).
   */
  readDependencies(): object;
  /**
   * Makes this transaction depend on an earlier transaction's reads (from
   * {@link readDependencies}): `adopted` when nothing wrote inside them since; `changed` when
   * something did (the context that carries them must not be reused); `unsettled` while the
   * earlier transaction has not ended (its own commit may still write inside them), when the
   * context should wait for a later execution.
   */
  adoptReads(earlier: object): 'adopted' | 'changed' | 'unsettled';
  /** `db.get`: the document as Convex-JSON text; `table` is set by `db.get(table, id)` (1.31+). */
  get(id: string, options: { readonly table?: string | undefined; readonly isSystem: boolean }): Promise<string | null>;
  /** `db.insert`: returns the new `_id`. */
  insert(table: string, value: DocumentJson): Promise<string>;
  /** `db.patch`: top-level `{"$undefined":null}` deletes a field. */
  patch(id: string, value: DocumentJson, table?: string): Promise<void>;
  /** `db.replace`. */
  replace(id: string, value: DocumentJson, table?: string): Promise<void>;
  /** `db.delete`. */
  delete(id: string, table?: string): Promise<void>;
  /** `db.query(…)` iteration; `query` is the serialized query of compat spec §4.7. */
  openQuery(query: JSONValue): UdfQueryStream;
  /** `.paginate()`. */
  queryPage(query: JSONValue, request: UdfPageRequest): Promise<UdfPageResult>;
  /** `db.query(table).count()` (internal API). */
  count(table: string): Promise<number>;
  /** `db.normalizeId`: the canonical id or `null`. Synchronous (the library calls it so). */
  normalizeId(table: string, idString: string, isSystem: boolean): string | null;
  /** A point to roll back to when a nested mutation fails. */
  checkpoint(): unknown;
  /** Undoes every write since `checkpoint`. */
  rollback(checkpoint: unknown): void;
  /** `ctx.meta.getTransactionMetrics()`. */
  metrics(): UdfTransactionMetrics;
}
