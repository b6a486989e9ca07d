import {
  asObjectValidator,
  v,
  type GenericValidator,
  type PropertyValidators,
} from '@selfhost/values';

/**
 * The parts of a function definition that describe validation.
 *
 * @example
 * ```ts
 * const definition: ValidatorsOfDefinition = { args: { id: v.string() } };
 * ```
 */
export interface ValidatorsOfDefinition {
  readonly args?: GenericValidator | PropertyValidators | undefined;
  readonly returns?: GenericValidator | PropertyValidators | undefined;
}

// A field holding `undefined` where a validator should be usually means a circular import left a
// validator uninitialised when the definition was evaluated.
function rejectUndefined(key: string, value: unknown): unknown {
  if (value === undefined) {
    throw new Error(
      `The validator for field "${key}" is undefined. This usually comes from a circular import: ` +
        'the validator was read before the module defining it had run. ' +
        'See https://docs.convex.dev/error#undefined-validator',
    );
  }
  return value;
}

/**
 * `exportArgs()`: the JSON text of the args validator, `{"type":"any"}` without one.
 *
 * @example
 * ```ts
 * exportArgsJson({ args: { id: v.string() } }); // '{"type":"object","value":{"id":{"fieldType":{"type":"string"},"optional":false}}}'
 * ```
 */
export function exportArgsJson(definition: ValidatorsOfDefinition | undefined): string {
  const args = definition?.args === undefined ? v.any() : asObjectValidator(definition.args);
  return JSON.stringify(args.json, rejectUndefined);
}

/**
 * `exportReturns()`: the JSON text of the returns validator, `null` without one.
 *
 * @example
 * ```ts
 * exportReturnsJson({ returns: v.null() }); // '{"type":"null"}'
 * ```
 */
export function exportReturnsJson(definition: ValidatorsOfDefinition | undefined): string {
  const returns =
    definition?.returns === undefined ? null : asObjectValidator(definition.returns).json;
  return JSON.stringify(returns, rejectUndefined);
}
