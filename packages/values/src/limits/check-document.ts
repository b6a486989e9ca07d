import { ValuesError } from '../errors/values-error.ts';
import { checkDocumentFieldName } from '../names/document-field-name.ts';
import { isPlainObject } from '../value/is-plain-object.ts';
import type { Value } from '../value/value.ts';
import { checkValueLimits, type ValueMeasurements } from './check-value-limits.ts';
import { DEFAULT_DOCUMENT_LIMITS, type ValueLimits } from './value-limits.ts';

/**
 * Checks that `document` can be stored: a plain object whose top-level field names are allowed
 * (no `_` prefix except `_id` and `_creationTime`) and which is within the document limits
 * (nesting ≤ 16, size ≤ 1 MiB including system fields, plus the array and object limits), or
 * the given overrides. Returns its size and nesting. Field names below the top level are checked
 * when values are decoded ({@link jsonToConvex}).
 *
 * @throws {ValuesError} code `InvalidValue`, `InvalidFieldName` or `LimitExceeded`.
 * @example
 * ```ts
 * const { size } = checkDocument({ ...body, _id: id, _creationTime: now });
 * ```
 */
export function checkDocument(
  document: Value,
  limits: Partial<ValueLimits> = {},
): ValueMeasurements {
  if (!isPlainObject(document))
    throw new ValuesError('InvalidValue', 'A document must be an object.');
  for (const name of Object.keys(document)) {
    if (document[name] !== undefined) checkDocumentFieldName(name);
  }
  return checkValueLimits(document, { defaults: DEFAULT_DOCUMENT_LIMITS, limits });
}
