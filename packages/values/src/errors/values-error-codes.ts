/**
 * Every `code` a {@link ValuesError} can carry, with the HTTP status a server should answer with
 * when the error reaches a request boundary (STYLE.md habit 21: one table maps codes to statuses).
 *
 * All of them are client mistakes (400) except `InvalidSortKey`, which only happens when stored
 * index bytes are corrupt (500).
 *
 * @example
 * ```ts
 * const status = VALUES_ERROR_HTTP_STATUS[error.code]; // 400
 * ```
 */
export const VALUES_ERROR_HTTP_STATUS = Object.freeze({
  /** Convex-JSON that cannot be decoded (bad `$`-object, bad base64, lone surrogate…). */
  InvalidJson: 400,
  /** A JavaScript value that is not a Convex value (undefined in an array, a Map, a class instance…). */
  InvalidValue: 400,
  /** An object field name that breaks the field-name rules (§1.3). */
  InvalidFieldName: 400,
  /** A table, index or other identifier that breaks the identifier rules (§1.3). */
  InvalidIdentifier: 400,
  /** A string that is not a document id, or a bad table number / internal id. */
  InvalidId: 400,
  /** A value over one of the size, length or nesting limits. */
  LimitExceeded: 400,
  /** A value that does not match its validator. */
  ValidationFailed: 400,
  /** Validator JSON that is malformed or breaks a validator rule (e.g. record keys). */
  InvalidValidator: 400,
  /** An unknown value `format` name. */
  BadFormat: 400,
  /** A malformed base64 string. */
  InvalidBase64: 400,
  /** `ConvexError` data that is not valid Convex-JSON text. */
  InvalidConvexErrorData: 400,
  /** Sort-key bytes that do not decode (corrupt index data). */
  InvalidSortKey: 500,
});

/**
 * The string-literal union of {@link ValuesError} codes.
 *
 * @example
 * ```ts
 * const code: ValuesErrorCode = 'InvalidId';
 * ```
 */
export type ValuesErrorCode = keyof typeof VALUES_ERROR_HTTP_STATUS;
