import type { JSONValue } from '../value/value.ts';

/**
 * The JSON form of an object field's validator: the validator and whether the field may be missing.
 *
 * @example
 * ```ts
 * const field: ObjectFieldType = { fieldType: { type: 'string' }, optional: true };
 * ```
 */
export type ObjectFieldType = { fieldType: ValidatorJSON; optional: boolean };

/**
 * The JSON form of a validator (`validator.json`), as sent by `exportArgs()` / `exportReturns()`
 * and stored in schemas. Equal to the JSON of `convex/values` validators.
 *
 * @example
 * ```ts
 * const json: ValidatorJSON = { type: 'array', value: { type: 'bigint' } }; // v.array(v.int64())
 * ```
 */
export type ValidatorJSON =
  | { type: 'null' }
  | { type: 'number' }
  | { type: 'bigint' }
  | { type: 'commitTs' }
  | { type: 'boolean' }
  | { type: 'string' }
  | { type: 'bytes' }
  | { type: 'any' }
  | { type: 'literal'; value: JSONValue }
  | { type: 'id'; tableName: string }
  | { type: 'array'; value: ValidatorJSON }
  | { type: 'record'; keys: RecordKeyValidatorJSON; values: RecordValueValidatorJSON }
  | { type: 'object'; value: Record<string, ObjectFieldType> }
  | { type: 'union'; value: ValidatorJSON[] };

/**
 * The JSON form of a record's key validator: strings, ids, or unions of those.
 *
 * @example
 * ```ts
 * const keys: RecordKeyValidatorJSON = { type: 'id', tableName: 'users' };
 * ```
 */
export type RecordKeyValidatorJSON =
  | { type: 'string' }
  | { type: 'id'; tableName: string }
  | { type: 'union'; value: RecordKeyValidatorJSON[] };

/**
 * The JSON form of a record's value validator (never optional).
 *
 * @example
 * ```ts
 * const values: RecordValueValidatorJSON = { fieldType: { type: 'number' }, optional: false };
 * ```
 */
export type RecordValueValidatorJSON = ObjectFieldType & { optional: false };
