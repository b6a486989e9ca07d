// `@selfhost/client/values`: the `convex/values` API, name for name, from @selfhost/values.
// Hand-written list (STYLE.md habit 1); compare with node_modules/convex/src/values/index.ts.
export { convexToJson, jsonToConvex, CommitTsPlaceholder } from '@selfhost/values';
export type { GenericId, JSONValue, Value, NumericValue } from '@selfhost/values';
export { v, asObjectValidator } from '@selfhost/values';
export type {
  AsObjectValidator,
  GenericValidator,
  ObjectType,
  PropertyValidators,
} from '@selfhost/values';
export type {
  ValidatorJSON,
  RecordKeyValidatorJSON,
  RecordValueValidatorJSON,
  ObjectFieldType,
  Validator,
  OptionalProperty,
  VOptional,
} from '@selfhost/values';
export type {
  VId,
  VFloat64,
  VInt64,
  VCommitTs,
  VBoolean,
  VBytes,
  VString,
  VNull,
  VAny,
  VObject,
  VLiteral,
  VArray,
  VRecord,
  VUnion,
} from '@selfhost/values';
export { Base64 } from '@selfhost/values';
export type { Infer } from '@selfhost/values';
export { ConvexError } from '@selfhost/values';
export { compareValues, getConvexSize, getDocumentSize } from '@selfhost/values';
