import type { Value } from '../value/value.ts';
import { getConvexSize } from './convex-size.ts';

/**
 * What {@link getDocumentSize} adds for a missing `_id`: the field name `_id` + 1 + a 32-character
 * id string (2 + 32), the id length of tables 128–16383.
 *
 * @example
 * ```ts
 * ID_FIELD_SIZE_ESTIMATE; // 38
 * ```
 */
export const ID_FIELD_SIZE_ESTIMATE = 38;

/**
 * What {@link getDocumentSize} adds for a missing `_creationTime`: 13 + 1 + a Float64 (9).
 *
 * @example
 * ```ts
 * CREATION_TIME_FIELD_SIZE; // 23
 * ```
 */
export const CREATION_TIME_FIELD_SIZE = 23;

/**
 * Options of {@link getDocumentSize}.
 *
 * @example
 * ```ts
 * getDocumentSize(body, { customIdLength: 31 });
 * ```
 */
export interface DocumentSizeOptions {
  /** Length of the `_id` string to assume when the document has none. */
  readonly customIdLength?: number;
}

/**
 * The size of a document (see {@link getConvexSize}) including its system fields: when `_id` or
 * `_creationTime` is missing from `document`, the size it would add is counted. Equal to
 * `getDocumentSize` of `convex/values`.
 *
 * @example
 * ```ts
 * getDocumentSize({ a: 1 }); // 13 + 38 + 23 = 74
 * ```
 */
export function getDocumentSize(
  document: Record<string, Value>,
  options: DocumentSizeOptions = {},
): number {
  let size = getConvexSize(document);
  if (document['_id'] === undefined) {
    // `_id` (3) + its terminator (1) + string overhead (2) + the id itself.
    size += options.customIdLength ? options.customIdLength + 6 : ID_FIELD_SIZE_ESTIMATE;
  }
  if (document['_creationTime'] === undefined) size += CREATION_TIME_FIELD_SIZE;
  return size;
}
