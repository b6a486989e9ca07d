import type { GenericId } from '../value/value.ts';
import type { GenericValidator, RequiredValidator, StringValidator } from './generic-validator.ts';
import type { Infer, ObjectType, PropertyValidators } from './object-type.ts';
import { VAny } from './v-any.ts';
import { VArray } from './v-array.ts';
import { VBoolean } from './v-boolean.ts';
import { VBytes } from './v-bytes.ts';
import { VCommitTs } from './v-commit-ts.ts';
import { VFloat64 } from './v-float64.ts';
import { VId } from './v-id.ts';
import { VInt64 } from './v-int64.ts';
import { VLiteral } from './v-literal.ts';
import { VNull } from './v-null.ts';
import { VObject } from './v-object.ts';
import { VRecord } from './v-record.ts';
import { VString } from './v-string.ts';
import { VUnion } from './v-union.ts';
import type { VOptional } from './validator.ts';

function union<TMembers extends RequiredValidator[]>(
  ...members: TMembers
): VUnion<TMembers[number]['type'], TMembers> {
  return new VUnion<TMembers[number]['type'], TMembers>({ isOptional: 'required', members });
}

/**
 * The validator builder, the same as `v` of `convex/values`. Validators check function arguments
 * and return values and describe the documents of a schema; each also knows its TypeScript type
 * (see {@link Infer}) and its JSON form (`.json`).
 *
 * | Convex type | TypeScript | Validator |
 * | --- | --- | --- |
 * | Id | `GenericId<T>` (string) | `v.id("table")` |
 * | Null | `null` | `v.null()` |
 * | Float64 | `number` | `v.number()` / `v.float64()` |
 * | Int64 | `bigint` | `v.int64()` / `v.bigint()` |
 * | Boolean | `boolean` | `v.boolean()` |
 * | String | `string` | `v.string()` |
 * | Bytes | `ArrayBuffer` | `v.bytes()` |
 * | Array | `T[]` | `v.array(element)` |
 * | Object | `{…}` | `v.object({ field: validator })` |
 * | Record | `Record<K, V>` | `v.record(keys, values)` |
 *
 * plus `v.union`, `v.literal`, `v.optional` (object fields only), `v.nullable`, `v.any` and
 * `v.commitTs`.
 *
 * @example
 * ```ts
 * const message = v.object({
 *   author: v.id('users'),
 *   body: v.string(),
 *   tags: v.optional(v.array(v.string())),
 *   status: v.union(v.literal('draft'), v.literal('sent')),
 * });
 * ```
 */
export const v = Object.freeze({
  /** An id of a document of table `tableName`. */
  id: <TTableName extends string>(tableName: TTableName): VId<GenericId<TTableName>> =>
    new VId<GenericId<TTableName>>({ isOptional: 'required', tableName }),
  /** `null`. */
  null: (): VNull => new VNull({ isOptional: 'required' }),
  /** A `number` (Float64, NaN and ±Infinity included). Same as `v.float64()`. */
  number: (): VFloat64 => new VFloat64({ isOptional: 'required' }),
  /** A `number` (Float64, NaN and ±Infinity included). */
  float64: (): VFloat64 => new VFloat64({ isOptional: 'required' }),
  /** @deprecated Use `v.int64()`. */
  bigint: (): VInt64 => new VInt64({ isOptional: 'required' }),
  /** A `bigint` from −2^63 to 2^63 − 1 (Int64). */
  int64: (): VInt64 => new VInt64({ isOptional: 'required' }),
  /** An Int64, or the commit-timestamp placeholder `db.vars.commitTs`. */
  commitTs: (): VCommitTs => new VCommitTs({ isOptional: 'required' }),
  /** A `boolean`. */
  boolean: (): VBoolean => new VBoolean({ isOptional: 'required' }),
  /** A `string`. */
  string: (): VString => new VString({ isOptional: 'required' }),
  /** An `ArrayBuffer` (Bytes). */
  bytes: (): VBytes => new VBytes({ isOptional: 'required' }),
  /** Exactly `literal` (a string, number, bigint or boolean). */
  literal: <TLiteral extends string | number | bigint | boolean>(
    literal: TLiteral,
  ): VLiteral<TLiteral> => new VLiteral<TLiteral>({ isOptional: 'required', value: literal }),
  /** An array whose elements all match `element` (at most 8192 elements). */
  array: <TElement extends RequiredValidator>(
    element: TElement,
  ): VArray<TElement['type'][], TElement> =>
    new VArray<TElement['type'][], TElement>({ isOptional: 'required', element }),
  /** A plain object with exactly these fields (at most 1024); `v.optional` fields may be missing. */
  object: <TFields extends PropertyValidators>(
    fields: TFields,
  ): VObject<ObjectType<TFields>, TFields> =>
    new VObject<ObjectType<TFields>, TFields>({ isOptional: 'required', fields }),
  /** An object with any field names matching `keys` (strings or ids) and values matching `values`. */
  record: <TKey extends StringValidator, TValue extends RequiredValidator>(
    keys: TKey,
    values: TValue,
  ): VRecord<Record<Infer<TKey>, TValue['type']>, TKey, TValue> =>
    new VRecord<Record<Infer<TKey>, TValue['type']>, TKey, TValue>({
      isOptional: 'required',
      key: keys,
      value: values,
    }),
  /** A value matching at least one of `members`. */
  union,
  /** Any Convex value (TypeScript type `any`). */
  any: (): VAny => new VAny({ isOptional: 'required' }),
  /** Makes an object field optional: it may be missing (but not `null`, unless `value` allows it). */
  optional: <TValidator extends GenericValidator>(value: TValidator): VOptional<TValidator> =>
    value.asOptional() as VOptional<TValidator>,
  /** `value` or `null` (a field that must be present but may be `null`): `v.union(value, v.null())`. */
  nullable: <TValidator extends RequiredValidator>(
    value: TValidator,
  ): VUnion<TValidator['type'] | null, [TValidator, VNull]> =>
    union(value, new VNull({ isOptional: 'required' })),
});
