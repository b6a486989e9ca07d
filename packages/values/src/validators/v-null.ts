import { BaseValidator } from './base-validator.ts';
import type { ValidatorJSON } from './validator-json.ts';
import type { OptionalProperty } from './validator.ts';

/**
 * The validator `v.null()` returns: accepts `null`.
 *
 * @example
 * ```ts
 * const validator: VNull = v.null();
 * validator.json; // { type: 'null' }
 * ```
 */
export class VNull<
  TType = null,
  TIsOptional extends OptionalProperty = 'required',
> extends BaseValidator<TType, TIsOptional> {
  /** The kind of validator, `'null'`. */
  readonly kind = 'null' as const;

  constructor(options: { isOptional: TIsOptional }) {
    super(options);
    Object.freeze(this);
  }

  get json(): ValidatorJSON {
    return { type: 'null' };
  }

  optional(): VNull<TType | undefined, 'optional'> {
    return new VNull<TType | undefined, 'optional'>({ isOptional: 'optional' });
  }

  /** @internal */
  asOptional(): VNull<TType | undefined, 'optional'> {
    return this.optional();
  }
}
