/**
 * WebIDL's `DOMString` conversion: Web APIs turn any argument into a string with
 * `String(value)` (objects become `[object Object]`, by the standard).
 *
 * @example
 * ```ts
 * toDomString(42); // '42'
 * ```
 * @internal
 */
export function toDomString(value: unknown): string {
  return String(value);
}
