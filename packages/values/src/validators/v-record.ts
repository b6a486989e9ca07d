import { BaseValidator } from './base-validator.ts';
import type { RequiredValidator, StringValidator } from './generic-validator.ts';
import { requireValidator } from './validator-misuse.ts';
import type { RecordKeyValidatorJSON, ValidatorJSON } from './validator-json.ts';
import type { OptionalProperty } from './validator.ts';

/**
 * The validator `v.record(keys, values)` returns: accepts an object with any field names that match
 * `keys` (strings or ids) and field values that match `values`.
 *
 * @example
 * ```ts
 * const validator = v.record(v.id('users'), v.number());
 * validator.json; // { type: 'record', keys: { type: 'id', tableName: 'users' }, values: { fieldType: { type: 'number' }, optional: false } }
 * ```
 */
export class VRecord<
  TType,
  TKey extends StringValidator,
  TValue extends RequiredValidator,
  TIsOptional extends OptionalProperty = 'required',
  TFieldPaths extends string = string,
> extends BaseValidator<TType, TIsOptional, TFieldPaths> {
  /** The validator of the field names. */
  readonly key: TKey;
  /** The validator of the field values. */
  readonly value: TValue;
  /** The kind of validator, `'record'`. */
  readonly kind = 'record' as const;

  /** Usually you would call `v.record(keys, values)` instead. */
  constructor({ isOptional, key, value }: { isOptional: TIsOptional; key: TKey; value: TValue }) {
    super({ isOptional });
    requireValidator(key, 'v.record()', 'the keys');
    requireValidator(value, 'v.record()', 'the values');
    if ((key.isOptional as OptionalProperty) === 'optional')
      throw new Error('Record validator cannot have optional keys');
    if ((value.isOptional as OptionalProperty) === 'optional')
      throw new Error('Record validator cannot have optional values');
    this.key = key;
    this.value = value;
    Object.freeze(this);
  }

  get json(): ValidatorJSON {
    return {
      type: 'record',
      // The key validator's JSON is one of the record-key forms when used as TypeScript allows.
      keys: this.key.json as RecordKeyValidatorJSON,
      values: { fieldType: this.value.json, optional: false },
    };
  }

  optional(): VRecord<TType | undefined, TKey, TValue, 'optional', TFieldPaths> {
    return new VRecord<TType | undefined, TKey, TValue, 'optional', TFieldPaths>({
      isOptional: 'optional',
      key: this.key,
      value: this.value,
    });
  }

  /** @internal */
  asOptional(): VRecord<TType | undefined, TKey, TValue, 'optional', TFieldPaths> {
    return this.optional();
  }
}
