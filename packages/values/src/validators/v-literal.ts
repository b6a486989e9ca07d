import { convexToJson } from '../json/convex-to-json.ts';
import { BaseValidator } from './base-validator.ts';
import type { ValidatorJSON } from './validator-json.ts';
import type { OptionalProperty } from './validator.ts';

/**
 * The validator `v.literal(value)` returns: accepts exactly that string, number, bigint or boolean
 * (numbers compare by the total order, so `-0` and `0` differ).
 *
 * @example
 * ```ts
 * const validator: VLiteral<'done'> = v.literal('done');
 * validator.json; // { type: 'literal', value: 'done' }
 * ```
 */
export class VLiteral<
  TType,
  TIsOptional extends OptionalProperty = 'required',
> extends BaseValidator<TType, TIsOptional> {
  /** The one value this validator accepts. */
  readonly value: TType;
  /** The kind of validator, `'literal'`. */
  readonly kind = 'literal' as const;

  /** Usually you would call `v.literal(value)` instead. */
  constructor({ isOptional, value }: { isOptional: TIsOptional; value: TType }) {
    super({ isOptional });
    const type = typeof value;
    if (type !== 'string' && type !== 'boolean' && type !== 'number' && type !== 'bigint') {
      throw new Error('v.literal(value) must be a string, number, bigint or boolean');
    }
    this.value = value;
    Object.freeze(this);
  }

  get json(): ValidatorJSON {
    return {
      type: 'literal',
      value: convexToJson(this.value as string | number | bigint | boolean),
    };
  }

  optional(): VLiteral<TType | undefined, 'optional'> {
    return new VLiteral<TType | undefined, 'optional'>({
      isOptional: 'optional',
      value: this.value,
    });
  }

  /** @internal */
  asOptional(): VLiteral<TType | undefined, 'optional'> {
    return this.optional();
  }
}
