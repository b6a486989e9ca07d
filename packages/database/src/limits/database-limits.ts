/**
 * Every limit the database enforces, in one object (semantics §9.1). An operator can raise any
 * of them through `openDatabase({ limits: { … } })`; errors name the limit and its value.
 *
 * @example
 * ```ts
 * await openDatabase({ persistence, cursorKey, limits: { maxReadDocuments: 100_000 } });
 * ```
 */
export interface DatabaseLimits {
  /** Largest document, by the size formula, including `_id` and `_creationTime`. */
  readonly maxDocumentSize: number;
  /** Deepest document nesting (an object of scalars is 1). */
  readonly maxDocumentNesting: number;
  /** Most fields in one object. */
  readonly maxObjectFields: number;
  /** Most elements in one array. */
  readonly maxArrayLength: number;
  /** Documents one transaction may read (scanned rows, filtered or not). */
  readonly maxReadDocuments: number;
  /** Bytes one transaction may read. */
  readonly maxReadBytes: number;
  /** Merged index intervals in one transaction's read set. */
  readonly maxReadIntervals: number;
  /** Documents one transaction may write. */
  readonly maxWriteDocuments: number;
  /** Bytes one transaction may write. */
  readonly maxWriteBytes: number;
  /** Filter and limit operators in one query. */
  readonly maxQueryOperators: number;
  /** Largest `numItems` of one page. */
  readonly maxPageSize: number;
  /** Fields of one index, counting the appended `_creationTime`. */
  readonly maxIndexFields: number;
  /** Indexes of one table (database, search, vector and staged). */
  readonly maxIndexesPerTable: number;
  /** User tables. */
  readonly maxUserTables: number;
}

/**
 * The defaults: the reference backend's values.
 *
 * @example
 * ```ts
 * DEFAULT_LIMITS.maxReadIntervals; // 4096
 * ```
 */
export const DEFAULT_LIMITS: DatabaseLimits = Object.freeze({
  maxDocumentSize: 1 << 20,
  maxDocumentNesting: 16,
  maxObjectFields: 1024,
  maxArrayLength: 8192,
  maxReadDocuments: 32_000,
  maxReadBytes: 16 << 20,
  maxReadIntervals: 4096,
  maxWriteDocuments: 16_000,
  maxWriteBytes: 16 << 20,
  maxQueryOperators: 256,
  maxPageSize: 32_000,
  maxIndexFields: 16,
  maxIndexesPerTable: 64,
  maxUserTables: 10_000,
});

/**
 * The defaults with `overrides` applied, frozen.
 *
 * @example
 * ```ts
 * resolveLimits({ maxPageSize: 50_000 });
 * ```
 */
export function resolveLimits(overrides: Partial<DatabaseLimits> = {}): DatabaseLimits {
  return Object.freeze({ ...DEFAULT_LIMITS, ...overrides });
}
