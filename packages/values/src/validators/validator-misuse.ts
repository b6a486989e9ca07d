/**
 * Throws unless `candidate` is a validator, with a message that points at the usual cause of an
 * `undefined` validator (a circular import).
 *
 * @internal
 * @example
 * ```ts
 * requireValidator(fields.name, 'v.object()', 'field "name"');
 * ```
 */
export function requireValidator(candidate: unknown, context: string, where?: string): void {
  if (candidate === undefined) {
    const place = where === undefined ? '' : ` for ${where}`;
    throw new Error(
      `A validator is undefined${place} in ${context}. This is often caused by circular imports. ` +
        'See https://docs.convex.dev/error#undefined-validator for details.',
    );
  }
  if (
    typeof candidate !== 'object' ||
    candidate === null ||
    !('isConvexValidator' in candidate) ||
    candidate.isConvexValidator !== true
  ) {
    throw new Error(
      `${context} expects validators built with v.*(), but got ${describe(candidate)}${where === undefined ? '' : ` for ${where}`}.`,
    );
  }
}

/**
 * Throws if `validator` is optional: `v.optional(...)` only makes sense as an object field.
 *
 * @internal
 * @example
 * ```ts
 * rejectOptional(element, 'v.array()');
 * ```
 */
export function rejectOptional(validator: { readonly isOptional: string }, context: string): void {
  if (validator.isOptional === 'optional') {
    throw new Error(
      `${context} cannot contain v.optional(...): optional validators are only valid as object fields. ` +
        'For a value that may be missing use v.union(x, v.null()) (v.nullable(x)) instead.',
    );
  }
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (typeof value === 'object') return 'an object that is not a validator';
  return `a ${typeof value}`;
}
