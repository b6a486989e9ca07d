import type { AnyRecord, FieldValidator, GenericValidator } from './generic-validator.ts';
import type { Validator } from './validator.ts';

/**
 * Makes TypeScript display `A & B` as one flat object type; the identity otherwise.
 *
 * @example
 * ```ts
 * type Flat = Expand<{ a: 1 } & { b: 2 }>; // { a: 1; b: 2 }
 * ```
 */
export type Expand<TObject extends AnyRecord> = TObject extends AnyRecord
  ? { [TKey in keyof TObject]: TObject[TKey] }
  : never;

/**
 * The validators of an object's fields, by field name.
 *
 * @example
 * ```ts
 * const fields: PropertyValidators = { name: v.string(), age: v.optional(v.number()) };
 * ```
 */
export type PropertyValidators = Record<string, FieldValidator>;

type OptionalKeys<TFields extends Record<string, GenericValidator>> = {
  [TKey in keyof TFields]: TFields[TKey]['isOptional'] extends 'optional' ? TKey : never;
}[keyof TFields];

type RequiredKeys<TFields extends Record<string, GenericValidator>> = Exclude<
  keyof TFields,
  OptionalKeys<TFields>
>;

/**
 * The object type described by {@link PropertyValidators}: optional validators become optional
 * properties (without `| undefined` under `exactOptionalPropertyTypes`).
 *
 * @example
 * ```ts
 * type User = ObjectType<{ name: VString; age: VFloat64<number | undefined, 'optional'> }>;
 * // { name: string; age?: number }
 * ```
 */
export type ObjectType<TFields extends PropertyValidators> = Expand<
  { [TKey in OptionalKeys<TFields>]?: Exclude<Infer<TFields[TKey]>, undefined> } & {
    [TKey in RequiredKeys<TFields>]: Infer<TFields[TKey]>;
  }
>;

/**
 * The TypeScript type a validator validates.
 *
 * @example
 * ```ts
 * const user = v.object({ name: v.string(), id: v.id('users') });
 * type User = Infer<typeof user>; // { name: string; id: GenericId<'users'> }
 * ```
 */
export type Infer<TValidator extends FieldValidator> = TValidator['type'];

/**
 * Joins two index field paths with a dot.
 *
 * @example
 * ```ts
 * type Path = JoinFieldPaths<'author', 'name'>; // 'author.name'
 * ```
 */
export type JoinFieldPaths<TStart extends string, TEnd extends string> = `${TStart}.${TEnd}`;

/**
 * What {@link asObjectValidator} returns for `TInput`: the validator itself, or the object
 * validator of a {@link PropertyValidators} record.
 *
 * @example
 * ```ts
 * type Args = AsObjectValidator<{ id: VId<GenericId<'users'>> }>; // Validator<{ id: GenericId<'users'> }>
 * ```
 */
export type AsObjectValidator<TInput extends GenericValidator | PropertyValidators> =
  TInput extends GenericValidator
    ? TInput
    : TInput extends PropertyValidators
      ? Validator<ObjectType<TInput>>
      : never;
