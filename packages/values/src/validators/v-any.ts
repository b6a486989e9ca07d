import { BaseValidator } from './base-validator.ts';
import type { AnyValueType } from './generic-validator.ts';
import type { ValidatorJSON } from './validator-json.ts';
import type { OptionalProperty } from './validator.ts';

/**
 * The validator `v.any()` returns: accepts every Convex value. Its TypeScript type is `any`, and
 * any field path may be indexed below it.
 *
 * @example
 * ```ts
 * const validator: VAny = v.any();
 * validator.json; // { type: 'any' }
 * ```
 */
export class VAny<
  TType = AnyValueType,
  TIsOptional extends OptionalProperty = 'required',
  TFieldPaths extends string = string,
> extends BaseValidator<TType, TIsOptional, TFieldPaths> {
  /** The kind of validator, `'any'`. */
  readonly kind = 'any' as const;

  constructor(options: { isOptional: TIsOptional }) {
    super(options);
    Object.freeze(this);
  }

  get json(): ValidatorJSON {
    return { type: 'any' };
  }

  optional(): VAny<TType | undefined, 'optional', TFieldPaths> {
    return new VAny<TType | undefined, 'optional', TFieldPaths>({ isOptional: 'optional' });
  }

  /** @internal */
  asOptional(): VAny<TType | undefined, 'optional', TFieldPaths> {
    return this.optional();
  }
}
