import { BaseValidator } from './base-validator.ts';
import type { ValidatorJSON } from './validator-json.ts';
import type { OptionalProperty } from './validator.ts';

/**
 * The validator `v.string()` returns: accepts a string.
 *
 * @example
 * ```ts
 * const validator: VString = v.string();
 * validator.json; // { type: 'string' }
 * ```
 */
export class VString<
  TType = string,
  TIsOptional extends OptionalProperty = 'required',
> extends BaseValidator<TType, TIsOptional> {
  /** The kind of validator, `'string'`. */
  readonly kind = 'string' as const;

  constructor(options: { isOptional: TIsOptional }) {
    super(options);
    Object.freeze(this);
  }

  get json(): ValidatorJSON {
    return { type: 'string' };
  }

  optional(): VString<TType | undefined, 'optional'> {
    return new VString<TType | undefined, 'optional'>({ isOptional: 'optional' });
  }

  /** @internal */
  asOptional(): VString<TType | undefined, 'optional'> {
    return this.optional();
  }
}
