import type { AnyType } from './generic-validator.ts';
import type { VAny } from './v-any.ts';
import type { VArray } from './v-array.ts';
import type { VBoolean } from './v-boolean.ts';
import type { VBytes } from './v-bytes.ts';
import type { VCommitTs } from './v-commit-ts.ts';
import type { VFloat64 } from './v-float64.ts';
import type { VId } from './v-id.ts';
import type { VInt64 } from './v-int64.ts';
import type { VLiteral } from './v-literal.ts';
import type { VNull } from './v-null.ts';
import type { VObject } from './v-object.ts';
import type { VRecord } from './v-record.ts';
import type { VString } from './v-string.ts';
import type { VUnion } from './v-union.ts';

/**
 * Whether a validator is for an object field that may be missing (`'optional'`) or not.
 *
 * @example
 * ```ts
 * v.optional(v.string()).isOptional; // 'optional'
 * ```
 */
export type OptionalProperty = 'optional' | 'required';

/**
 * A validator of Convex values, built with {@link v}. It carries the TypeScript type it validates
 * (`TType`), whether it is an optional object field (`TIsOptional`) and the index field paths of
 * the values (`TFieldPaths`), plus its JSON form. Switch on `kind` to tell them apart (new kinds
 * may be added, so do not assume a switch is exhaustive forever).
 *
 * @example
 * ```ts
 * const validator: Validator<string> = v.string();
 * ```
 */
export type Validator<
  TType,
  TIsOptional extends OptionalProperty = 'required',
  TFieldPaths extends string = never,
> =
  | VId<TType, TIsOptional>
  | VString<TType, TIsOptional>
  | VFloat64<TType, TIsOptional>
  | VInt64<TType, TIsOptional>
  | VCommitTs<TType, TIsOptional>
  | VBoolean<TType, TIsOptional>
  | VNull<TType, TIsOptional>
  | VAny<TType, TIsOptional>
  | VLiteral<TType, TIsOptional>
  | VBytes<TType, TIsOptional>
  | VObject<
      TType,
      Record<string, Validator<AnyType, OptionalProperty, AnyType>>,
      TIsOptional,
      TFieldPaths
    >
  | VArray<TType, Validator<AnyType, 'required', AnyType>, TIsOptional>
  | VRecord<
      TType,
      Validator<string, 'required', AnyType>,
      Validator<AnyType, 'required', AnyType>,
      TIsOptional,
      TFieldPaths
    >
  | VUnion<TType, Validator<AnyType, 'required', AnyType>[], TIsOptional, TFieldPaths>;

/**
 * The validator type `v.optional(T)` returns: `T` with `undefined` added to its type and
 * `isOptional: 'optional'`.
 *
 * @example
 * ```ts
 * type MaybeName = VOptional<VString>; // VString<string | undefined, 'optional'>
 * ```
 */
// prettier-ignore
export type VOptional<TValidator extends Validator<AnyType, OptionalProperty, AnyType>> =
  TValidator extends VId<infer TType, OptionalProperty> ? VId<TType | undefined, 'optional'>
  : TValidator extends VString<infer TType, OptionalProperty> ? VString<TType | undefined, 'optional'>
  : TValidator extends VFloat64<infer TType, OptionalProperty> ? VFloat64<TType | undefined, 'optional'>
  : TValidator extends VInt64<infer TType, OptionalProperty> ? VInt64<TType | undefined, 'optional'>
  : TValidator extends VCommitTs<infer TType, OptionalProperty> ? VCommitTs<TType | undefined, 'optional'>
  : TValidator extends VBoolean<infer TType, OptionalProperty> ? VBoolean<TType | undefined, 'optional'>
  : TValidator extends VNull<infer TType, OptionalProperty> ? VNull<TType | undefined, 'optional'>
  : TValidator extends VAny<infer TType, OptionalProperty> ? VAny<TType | undefined, 'optional'>
  : TValidator extends VLiteral<infer TType, OptionalProperty> ? VLiteral<TType | undefined, 'optional'>
  : TValidator extends VBytes<infer TType, OptionalProperty> ? VBytes<TType | undefined, 'optional'>
  : TValidator extends VObject<infer TType, infer TFields, OptionalProperty, infer TFieldPaths>
    ? VObject<TType | undefined, TFields, 'optional', TFieldPaths>
  : TValidator extends VArray<infer TType, infer TElement, OptionalProperty>
    ? VArray<TType | undefined, TElement, 'optional'>
  : TValidator extends VRecord<infer TType, infer TKey, infer TValue, OptionalProperty, infer TFieldPaths>
    ? VRecord<TType | undefined, TKey, TValue, 'optional', TFieldPaths>
  : TValidator extends VUnion<infer TType, infer TMembers, OptionalProperty, infer TFieldPaths>
    ? VUnion<TType | undefined, TMembers, 'optional', TFieldPaths>
  : never;
