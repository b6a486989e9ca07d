import { isPlainObject, type Value } from '@selfhost/values';

/**
 * The value at a dotted field path, or `undefined` when a step is missing or not an object
 * (compat §1.8).
 *
 * @example
 * ```ts
 * getFieldPath({ a: { b: 1 } }, 'a.b'); // 1
 * getFieldPath({ a: 5 }, 'a.b');        // undefined
 * ```
 */
export function getFieldPath(
  value: Record<string, Value | undefined>,
  path: string,
): Value | undefined {
  if (!path.includes('.')) return value[path];
  let current: unknown = value;
  for (const part of path.split('.')) {
    if (!isPlainObject(current)) return undefined;
    current = current[part];
  }
  return current as Value | undefined;
}
