import type { GenericValidator } from './generic-validator.ts';
import type { AsObjectValidator, PropertyValidators } from './object-type.ts';
import { v } from './v.ts';

/**
 * Whether `candidate` is a validator (it has `isConvexValidator: true`). A field *named*
 * `isConvexValidator` holding a validator does not count.
 *
 * @example
 * ```ts
 * isValidator(v.string()); // true
 * isValidator({ name: v.string() }); // false
 * ```
 */
export function isValidator(candidate: unknown): candidate is GenericValidator {
  return (
    (candidate as { isConvexValidator?: unknown } | null | undefined)?.isConvexValidator === true
  );
}

/**
 * Turns a record of field validators into `v.object(record)`; returns a validator unchanged.
 *
 * @example
 * ```ts
 * asObjectValidator({ id: v.id('users') }).json; // { type: 'object', value: { id: … } }
 * ```
 */
export function asObjectValidator<TInput extends GenericValidator | PropertyValidators>(
  input: TInput,
): AsObjectValidator<TInput> {
  return (isValidator(input) ? input : v.object(input)) as AsObjectValidator<TInput>;
}
