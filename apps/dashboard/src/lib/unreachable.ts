/**
 * Marks the end of an exhaustive switch: the compiler proves `value` is `never`; at run time it
 * names the unexpected value (e.g. a validator type from a newer backend).
 *
 * @example
 * default: return unreachable(validator);
 */
export function unreachable(value: never): never {
  throw new Error(`Unexpected value: ${JSON.stringify(value)}`);
}
