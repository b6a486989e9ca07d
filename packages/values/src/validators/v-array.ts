import { BaseValidator } from './base-validator.ts';
import type { RequiredValidator } from './generic-validator.ts';
import { rejectOptional, requireValidator } from './validator-misuse.ts';
import type { ValidatorJSON } from './validator-json.ts';
import type { OptionalProperty } from './validator.ts';

/**
 * The validator `v.array(element)` returns: accepts an array whose elements all match `element`.
 *
 * @example
 * ```ts
 * const validator = v.array(v.string());
 * validator.json; // { type: 'array', value: { type: 'string' } }
 * ```
 */
export class VArray<
  TType,
  TElement extends RequiredValidator,
  TIsOptional extends OptionalProperty = 'required',
> extends BaseValidator<TType, TIsOptional> {
  /** The validator of the elements. */
  readonly element: TElement;
  /** The kind of validator, `'array'`. */
  readonly kind = 'array' as const;

  /** Usually you would call `v.array(element)` instead. */
  constructor({ isOptional, element }: { isOptional: TIsOptional; element: TElement }) {
    super({ isOptional });
    requireValidator(element, 'v.array()');
    rejectOptional(element, 'v.array()');
    this.element = element;
    Object.freeze(this);
  }

  get json(): ValidatorJSON {
    return { type: 'array', value: this.element.json };
  }

  optional(): VArray<TType | undefined, TElement, 'optional'> {
    return new VArray<TType | undefined, TElement, 'optional'>({
      isOptional: 'optional',
      element: this.element,
    });
  }

  /** @internal */
  asOptional(): VArray<TType | undefined, TElement, 'optional'> {
    return this.optional();
  }
}
