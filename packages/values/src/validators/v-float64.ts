import { BaseValidator } from './base-validator.ts';
import type { ValidatorJSON } from './validator-json.ts';
import type { OptionalProperty } from './validator.ts';

/**
 * The validator `v.float64()` returns: accepts a `number` (Convex Float64, NaN and ±Infinity included); `v.number()` is the same. Its JSON type is `'number'`.
 *
 * @example
 * ```ts
 * const validator: VFloat64 = v.float64();
 * validator.json; // { type: 'number' }
 * ```
 */
export class VFloat64<
  TType = number,
  TIsOptional extends OptionalProperty = 'required',
> extends BaseValidator<TType, TIsOptional> {
  /** The kind of validator, `'float64'`. */
  readonly kind = 'float64' as const;

  constructor(options: { isOptional: TIsOptional }) {
    super(options);
    Object.freeze(this);
  }

  get json(): ValidatorJSON {
    return { type: 'number' };
  }

  optional(): VFloat64<TType | undefined, 'optional'> {
    return new VFloat64<TType | undefined, 'optional'>({ isOptional: 'optional' });
  }

  /** @internal */
  asOptional(): VFloat64<TType | undefined, 'optional'> {
    return this.optional();
  }
}
