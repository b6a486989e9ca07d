import { BaseValidator } from './base-validator.ts';
import type { ValidatorJSON } from './validator-json.ts';
import type { OptionalProperty } from './validator.ts';

/**
 * The validator `v.bytes()` returns: accepts an `ArrayBuffer` (Convex Bytes).
 *
 * @example
 * ```ts
 * const validator: VBytes = v.bytes();
 * validator.json; // { type: 'bytes' }
 * ```
 */
export class VBytes<
  TType = ArrayBuffer,
  TIsOptional extends OptionalProperty = 'required',
> extends BaseValidator<TType, TIsOptional> {
  /** The kind of validator, `'bytes'`. */
  readonly kind = 'bytes' as const;

  constructor(options: { isOptional: TIsOptional }) {
    super(options);
    Object.freeze(this);
  }

  get json(): ValidatorJSON {
    return { type: 'bytes' };
  }

  optional(): VBytes<TType | undefined, 'optional'> {
    return new VBytes<TType | undefined, 'optional'>({ isOptional: 'optional' });
  }

  /** @internal */
  asOptional(): VBytes<TType | undefined, 'optional'> {
    return this.optional();
  }
}
