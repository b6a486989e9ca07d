import { BaseValidator } from './base-validator.ts';
import type { ValidatorJSON } from './validator-json.ts';
import type { OptionalProperty } from './validator.ts';

/**
 * The validator `v.boolean()` returns: accepts a boolean.
 *
 * @example
 * ```ts
 * const validator: VBoolean = v.boolean();
 * validator.json; // { type: 'boolean' }
 * ```
 */
export class VBoolean<
  TType = boolean,
  TIsOptional extends OptionalProperty = 'required',
> extends BaseValidator<TType, TIsOptional> {
  /** The kind of validator, `'boolean'`. */
  readonly kind = 'boolean' as const;

  constructor(options: { isOptional: TIsOptional }) {
    super(options);
    Object.freeze(this);
  }

  get json(): ValidatorJSON {
    return { type: 'boolean' };
  }

  optional(): VBoolean<TType | undefined, 'optional'> {
    return new VBoolean<TType | undefined, 'optional'>({ isOptional: 'optional' });
  }

  /** @internal */
  asOptional(): VBoolean<TType | undefined, 'optional'> {
    return this.optional();
  }
}
