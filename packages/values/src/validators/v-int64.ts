import { BaseValidator } from './base-validator.ts';
import type { ValidatorJSON } from './validator-json.ts';
import type { OptionalProperty } from './validator.ts';

/**
 * The validator `v.int64()` returns: accepts a `bigint` in the Int64 range; `v.bigint()` is the same. Its JSON type is `'bigint'`.
 *
 * @example
 * ```ts
 * const validator: VInt64 = v.int64();
 * validator.json; // { type: 'bigint' }
 * ```
 */
export class VInt64<
  TType = bigint,
  TIsOptional extends OptionalProperty = 'required',
> extends BaseValidator<TType, TIsOptional> {
  /** The kind of validator, `'int64'`. */
  readonly kind = 'int64' as const;

  constructor(options: { isOptional: TIsOptional }) {
    super(options);
    Object.freeze(this);
  }

  get json(): ValidatorJSON {
    return { type: 'bigint' };
  }

  optional(): VInt64<TType | undefined, 'optional'> {
    return new VInt64<TType | undefined, 'optional'>({ isOptional: 'optional' });
  }

  /** @internal */
  asOptional(): VInt64<TType | undefined, 'optional'> {
    return this.optional();
  }
}
