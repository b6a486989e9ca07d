// The public surface of @selfhost/values: a hand-written list of named exports (STYLE.md habit 1).
// The first block mirrors `convex/values` name for name; @selfhost/client re-exports it as that.

// --- The `convex/values` surface -------------------------------------------------------------
export type { GenericId, JSONValue, NumericValue, Value } from './value/value.ts';
export {
  CommitTsPlaceholder,
  commitTsPlaceholder,
  isCommitTsPlaceholder,
} from './value/commit-ts-placeholder.ts';
export { convexToJson, convexOrUndefinedToJson, patchValueToJson } from './json/convex-to-json.ts';
export {
  jsonToConvex,
  jsonToConvexOrUndefined,
  type JsonToConvexOptions,
} from './json/json-to-convex.ts';
export { v } from './validators/v.ts';
export { asObjectValidator, isValidator } from './validators/as-object-validator.ts';
export type {
  AsObjectValidator,
  Expand,
  Infer,
  JoinFieldPaths,
  ObjectType,
  PropertyValidators,
} from './validators/object-type.ts';
export type { GenericValidator } from './validators/generic-validator.ts';
export type { OptionalProperty, Validator, VOptional } from './validators/validator.ts';
export type {
  ObjectFieldType,
  RecordKeyValidatorJSON,
  RecordValueValidatorJSON,
  ValidatorJSON,
} from './validators/validator-json.ts';
export { VAny } from './validators/v-any.ts';
export { VArray } from './validators/v-array.ts';
export { VBoolean } from './validators/v-boolean.ts';
export { VBytes } from './validators/v-bytes.ts';
export { VCommitTs } from './validators/v-commit-ts.ts';
export { VFloat64 } from './validators/v-float64.ts';
export { VId } from './validators/v-id.ts';
export { VInt64 } from './validators/v-int64.ts';
export { VLiteral } from './validators/v-literal.ts';
export { VNull } from './validators/v-null.ts';
export { VObject } from './validators/v-object.ts';
export { VRecord } from './validators/v-record.ts';
export { VString } from './validators/v-string.ts';
export { VUnion } from './validators/v-union.ts';
export { Base64 } from './encoding/base64-namespace.ts';
export { ConvexError, CONVEX_ERROR_MARKER } from './convex-error/convex-error.ts';
export { compareValues } from './order/compare-values.ts';
export { getConvexSize } from './size/convex-size.ts';
export { getDocumentSize, type DocumentSizeOptions } from './size/document-size.ts';

// --- Errors -----------------------------------------------------------------------------------
export { ValuesError, isValuesError, type ValuesErrorOptions } from './errors/values-error.ts';
export { VALUES_ERROR_HTTP_STATUS, type ValuesErrorCode } from './errors/values-error-codes.ts';
export { valuesErrorFromUnknown } from './errors/values-error-from-unknown.ts';

// --- Values -----------------------------------------------------------------------------------
export { MAX_INT64, MIN_INT64, isInt64 } from './value/int64.ts';
export { isArrayBuffer, isPlainObject } from './value/is-plain-object.ts';
export { describeValue } from './value/describe-value.ts';

// --- Convex-JSON and the other value formats --------------------------------------------------
export { convexToCleanJson } from './json/convex-to-clean-json.ts';
export { convexToExportJsonText } from './json/convex-to-export-json-text.ts';
export {
  VALUE_FORMAT_NAMES,
  parseValueFormat,
  stringifyValue,
  type ValueFormat,
} from './json/value-format.ts';
export { formatValuePath, type PathSegment } from './json/value-path.ts';
export {
  base64ByteLength,
  decodeBase64,
  encodeBase64,
  encodeBase64UrlNoPadding,
} from './encoding/base64.ts';
export { compareUtf8, isWellFormedString, utf8ByteLength } from './encoding/utf8.ts';

// --- Field names and identifiers --------------------------------------------------------------
export { checkFieldName, fieldNameProblem, isValidFieldName } from './names/field-name.ts';
export {
  SYSTEM_FIELDS,
  checkDocumentFieldName,
  documentFieldNameProblem,
} from './names/document-field-name.ts';
export {
  checkIdentifier,
  checkUserIndexName,
  checkUserTableName,
  identifierProblem,
  isValidIdentifier,
} from './names/identifier.ts';

// --- Limits and sizes -------------------------------------------------------------------------
export {
  DEFAULT_DOCUMENT_LIMITS,
  DEFAULT_VALUE_LIMITS,
  MAX_ARRAY_LENGTH,
  MAX_DOCUMENT_NESTING,
  MAX_DOCUMENT_SIZE,
  MAX_FIELD_NAME_LENGTH,
  MAX_IDENTIFIER_LENGTH,
  MAX_OBJECT_FIELDS,
  MAX_VALUE_NESTING,
  MAX_VALUE_SIZE,
  type ValueLimits,
} from './limits/value-limits.ts';
export {
  checkValueLimits,
  type CheckLimitsOptions,
  type ValueMeasurements,
} from './limits/check-value-limits.ts';
export { checkDocument } from './limits/check-document.ts';
export { CREATION_TIME_FIELD_SIZE, ID_FIELD_SIZE_ESTIMATE } from './size/document-size.ts';

// --- Order and sort keys ----------------------------------------------------------------------
export { compareBytes } from './order/compare-bytes.ts';
export { compareFloats } from './order/compare-floats.ts';
export { SORT_KEY_TAG } from './sort-key/sort-key-tags.ts';
export { encodeIndexKey, encodeSortKey } from './sort-key/encode-sort-key.ts';
export { decodeIndexKey, decodeSortKey } from './sort-key/decode-sort-key.ts';

// --- Document ids -----------------------------------------------------------------------------
export {
  FIRST_USER_TABLE_NUMBER,
  MAX_TABLE_NUMBER,
  makeTableNumber,
  type TableNumber,
} from './ids/table-number.ts';
export {
  INTERNAL_ID_LENGTH,
  makeInternalId,
  newInternalId,
  type InternalId,
} from './ids/internal-id.ts';
export { makeDocumentId, type DocumentId } from './ids/document-id.ts';
export {
  isDocumentId,
  parseDocumentId,
  tryParseDocumentId,
  type ParsedDocumentId,
} from './ids/parse-document-id.ts';
export { decodeLegacyInternalId } from './ids/legacy-internal-id.ts';
export { normalizeDocumentId } from './ids/normalize-document-id.ts';

// --- Validation -------------------------------------------------------------------------------
export {
  validate,
  assertValid,
  type ValidateOptions,
  type ValidationResult,
} from './validators/validate.ts';
export { parseValidatorJson } from './validators/parse-validator-json.ts';
export { describeValidator } from './validators/describe-validator.ts';

// --- ConvexError helpers ----------------------------------------------------------------------
export { isConvexError } from './convex-error/is-convex-error.ts';
export {
  convexErrorDataToText,
  convexErrorFromWire,
  convexErrorToWire,
  parseConvexErrorData,
  type ConvexErrorWire,
} from './convex-error/convex-error-wire.ts';
