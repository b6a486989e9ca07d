import { setOwnField } from '../json/set-own-field.ts';
import { BaseValidator } from './base-validator.ts';
import type { GenericValidator } from './generic-validator.ts';
import type { Expand, JoinFieldPaths, ObjectType } from './object-type.ts';
import { requireValidator } from './validator-misuse.ts';
import type { ObjectFieldType, ValidatorJSON } from './validator-json.ts';
import type { OptionalProperty, VOptional } from './validator.ts';

/**
 * The validator `v.object(fields)` returns: accepts a plain object with exactly these fields
 * (optional ones may be missing; unknown fields are rejected).
 *
 * @example
 * ```ts
 * const user = v.object({ name: v.string(), age: v.optional(v.number()) });
 * user.json; // { type: 'object', value: { name: { fieldType: { type: 'string' }, optional: false }, age: … } }
 * user.pick('name'); // v.object({ name: v.string() })
 * ```
 */
export class VObject<
  TType,
  TFields extends Record<string, GenericValidator>,
  TIsOptional extends OptionalProperty = 'required',
  TFieldPaths extends string = {
    [TKey in keyof TFields]: JoinFieldPaths<TKey & string, TFields[TKey]['fieldPaths']> | TKey;
  }[keyof TFields] &
    string,
> extends BaseValidator<TType, TIsOptional, TFieldPaths> {
  /** The validator of each field. */
  readonly fields: TFields;
  /** The kind of validator, `'object'`. */
  readonly kind = 'object' as const;

  /** Usually you would call `v.object(fields)` instead. */
  constructor({ isOptional, fields }: { isOptional: TIsOptional; fields: TFields }) {
    super({ isOptional });
    for (const [name, validator] of Object.entries(fields))
      requireValidator(validator, 'v.object()', `field "${name}"`);
    this.fields = fields;
    Object.freeze(this);
  }

  get json(): ValidatorJSON {
    const value: Record<string, ObjectFieldType> = {};
    for (const [name, validator] of Object.entries(this.fields)) {
      setOwnField(value, name, {
        fieldType: validator.json,
        optional: validator.isOptional === 'optional',
      });
    }
    return { type: 'object', value };
  }

  optional(): VObject<TType | undefined, TFields, 'optional', TFieldPaths> {
    return new VObject<TType | undefined, TFields, 'optional', TFieldPaths>({
      isOptional: 'optional',
      fields: this.fields,
    });
  }

  /** @internal */
  asOptional(): VObject<TType | undefined, TFields, 'optional', TFieldPaths> {
    return this.optional();
  }

  /** A new object validator without the named fields. */
  omit<TKey extends keyof TFields & string>(
    ...names: TKey[]
  ): VObject<Expand<Omit<TType, TKey>>, Expand<Omit<TFields, TKey>>, TIsOptional> {
    const fields: Record<string, GenericValidator> = { ...this.fields };
    for (const name of names) delete fields[name];
    return new VObject({
      isOptional: this.isOptional,
      fields: fields as Expand<Omit<TFields, TKey>>,
    });
  }

  /** A new object validator with only the named fields. */
  pick<TKey extends keyof TFields & string>(
    ...names: TKey[]
  ): VObject<
    Expand<Pick<TType, Extract<keyof TType, TKey>>>,
    Expand<Pick<TFields, TKey>>,
    TIsOptional
  > {
    const fields: Record<string, GenericValidator> = {};
    for (const name of names) fields[name] = this.fields[name]!;
    return new VObject({
      isOptional: this.isOptional,
      fields: fields as Expand<Pick<TFields, TKey>>,
    });
  }

  /** A new object validator whose fields are all optional. */
  partial(): VObject<
    { [TKey in keyof TType]?: TType[TKey] },
    { [TKey in keyof TFields]: VOptional<TFields[TKey]> },
    TIsOptional
  > {
    const fields: Record<string, GenericValidator> = {};
    for (const [name, validator] of Object.entries(this.fields))
      fields[name] = validator.asOptional();
    return new VObject({
      isOptional: this.isOptional,
      fields: fields as { [TKey in keyof TFields]: VOptional<TFields[TKey]> },
    });
  }

  /** A new object validator with `fields` added (replacing fields of the same name). */
  extend<TNewFields extends Record<string, GenericValidator>>(
    fields: TNewFields,
  ): VObject<Expand<TType & ObjectType<TNewFields>>, Expand<TFields & TNewFields>, TIsOptional> {
    return new VObject({
      isOptional: this.isOptional,
      fields: { ...this.fields, ...fields } as Expand<TFields & TNewFields>,
    });
  }
}
