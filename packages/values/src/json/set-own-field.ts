/**
 * Sets `object[key] = value` as an own, enumerable data property. Plain assignment would be wrong
 * for the key `__proto__`, which it turns into a prototype change instead of a field.
 *
 * @internal
 * @example
 * ```ts
 * const out = {};
 * setOwnField(out, '__proto__', 1);
 * Object.keys(out); // ['__proto__']
 * ```
 */
export function setOwnField<TValue>(
  object: Record<string, TValue>,
  key: string,
  value: TValue,
): void {
  if (key === '__proto__') {
    Object.defineProperty(object, key, {
      value,
      enumerable: true,
      writable: true,
      configurable: true,
    });
  } else {
    object[key] = value;
  }
}
