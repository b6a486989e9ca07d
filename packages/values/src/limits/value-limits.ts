/**
 * The most elements an array may have.
 *
 * @example
 * ```ts
 * MAX_ARRAY_LENGTH; // 8192
 * ```
 */
export const MAX_ARRAY_LENGTH = 8192;

/**
 * The most fields an object may have.
 *
 * @example
 * ```ts
 * MAX_OBJECT_FIELDS; // 1024
 * ```
 */
export const MAX_OBJECT_FIELDS = 1024;

/**
 * The deepest any value may be nested (a scalar has depth 0, an array or object of scalars 1).
 *
 * @example
 * ```ts
 * MAX_VALUE_NESTING; // 64
 * ```
 */
export const MAX_VALUE_NESTING = 64;

/**
 * The deepest a document may be nested (the document object itself counts 1).
 *
 * @example
 * ```ts
 * MAX_DOCUMENT_NESTING; // 16
 * ```
 */
export const MAX_DOCUMENT_NESTING = 16;

/**
 * The largest a document may be (by {@link getConvexSize}, system fields included): 1 MiB.
 *
 * @example
 * ```ts
 * MAX_DOCUMENT_SIZE; // 1048576
 * ```
 */
export const MAX_DOCUMENT_SIZE = 1 << 20;

/**
 * The largest any value may be (by {@link getConvexSize}): 32 MiB.
 *
 * @example
 * ```ts
 * MAX_VALUE_SIZE; // 33554432
 * ```
 */
export const MAX_VALUE_SIZE = 32 << 20;

/**
 * The longest an object field name may be, in characters (they are ASCII, so also bytes).
 *
 * @example
 * ```ts
 * MAX_FIELD_NAME_LENGTH; // 1024
 * ```
 */
export const MAX_FIELD_NAME_LENGTH = 1024;

/**
 * The longest an identifier (table name, index name…) may be.
 *
 * @example
 * ```ts
 * MAX_IDENTIFIER_LENGTH; // 64
 * ```
 */
export const MAX_IDENTIFIER_LENGTH = 64;

/**
 * A set of limits a value is checked against by {@link checkValueLimits}. Operators may raise them.
 *
 * @example
 * ```ts
 * const roomy: ValueLimits = { ...DEFAULT_DOCUMENT_LIMITS, maxSize: 4 << 20 };
 * ```
 */
export interface ValueLimits {
  /** The most elements an array may have. */
  readonly maxArrayLength: number;
  /** The most fields an object may have. */
  readonly maxObjectFields: number;
  /** The deepest the value may be nested (a scalar is 0, an object of scalars 1). */
  readonly maxNesting: number;
  /** The largest the value may be, in bytes by the size formula. */
  readonly maxSize: number;
}

/**
 * The limits for any value (function arguments, results…).
 *
 * @example
 * ```ts
 * checkValueLimits(args, { limits: DEFAULT_VALUE_LIMITS });
 * ```
 */
export const DEFAULT_VALUE_LIMITS: ValueLimits = Object.freeze({
  maxArrayLength: MAX_ARRAY_LENGTH,
  maxObjectFields: MAX_OBJECT_FIELDS,
  maxNesting: MAX_VALUE_NESTING,
  maxSize: MAX_VALUE_SIZE,
});

/**
 * The limits for a stored document (system fields included in its size).
 *
 * @example
 * ```ts
 * checkDocument(doc, { limits: DEFAULT_DOCUMENT_LIMITS });
 * ```
 */
export const DEFAULT_DOCUMENT_LIMITS: ValueLimits = Object.freeze({
  maxArrayLength: MAX_ARRAY_LENGTH,
  maxObjectFields: MAX_OBJECT_FIELDS,
  maxNesting: MAX_DOCUMENT_NESTING,
  maxSize: MAX_DOCUMENT_SIZE,
});
