import type { Value } from '@selfhost/client/values';

/**
 * `value` as a plain Convex object (a document or an arguments object), or null when it is
 * anything else (array, bytes, scalar).
 *
 * @example
 * asObject(parseJson5('{ a: 1 }')); // { a: 1 }
 */
export function asObject(value: Value): Record<string, Value> | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value) || value instanceof ArrayBuffer) return null;
  if (Object.getPrototypeOf(value) !== Object.prototype && Object.getPrototypeOf(value) !== null) return null;
  return value as Record<string, Value>;
}
