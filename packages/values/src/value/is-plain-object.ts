/**
 * Whether `value` is a plain object: its prototype is `Object.prototype` or `null`, or (for objects
 * made in another realm, such as a `vm` context or an isolate) its constructor is named `Object`.
 * Arrays, class instances, `Map`s, `ArrayBuffer`s and the like are not plain.
 *
 * @example
 * ```ts
 * isPlainObject({ a: 1 }); // true
 * isPlainObject(Object.create(null)); // true
 * isPlainObject(new Date()); // false
 * ```
 */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const prototype: unknown = Object.getPrototypeOf(value);
  if (prototype === Object.prototype || prototype === null) return true;
  if (Array.isArray(value)) return false;
  // Cross-realm plain objects have their own realm's Object.prototype.
  const constructor: unknown = (prototype as { constructor?: unknown }).constructor;
  return typeof constructor === 'function' && constructor.name === 'Object';
}

/**
 * Whether `value` is an `ArrayBuffer`, also one made in another realm.
 *
 * @example
 * ```ts
 * isArrayBuffer(new ArrayBuffer(2)); // true
 * isArrayBuffer(new Uint8Array(2)); // false
 * ```
 */
export function isArrayBuffer(value: unknown): value is ArrayBuffer {
  return (
    value instanceof ArrayBuffer ||
    (typeof value === 'object' &&
      value !== null &&
      Object.prototype.toString.call(value) === '[object ArrayBuffer]')
  );
}
