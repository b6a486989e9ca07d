/**
 * The own enumerable keys of `object` in sorted (UTF-16 code unit) order, which for valid field
 * names (ASCII) is byte order. Skips the sort when the keys are already in order, as they are for
 * objects decoded from `convexToJson` output.
 *
 * @internal
 * @example
 * ```ts
 * sortedKeys({ b: 1, a: 2 }); // ['a', 'b']
 * ```
 */
export function sortedKeys(object: object): string[] {
  const keys = Object.keys(object);
  for (let i = 1; i < keys.length; i++) {
    if (keys[i - 1]! > keys[i]!) return keys.sort();
  }
  return keys;
}
