import type { Value } from '@selfhost/values';

function isPlainObject(value: unknown): value is Record<string, Value> {
  if (typeof value !== 'object' || value === null) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  // Objects from another realm (iframe, `vm`) have another `Object.prototype`.
  return (
    proto === null ||
    proto === Object.prototype ||
    (proto as { constructor?: { name?: string } }).constructor?.name === 'Object'
  );
}

function describe(value: unknown): string {
  if (Array.isArray(value)) return 'an array';
  return value === null
    ? 'null'
    : typeof value === 'object'
      ? 'a class instance'
      : (JSON.stringify(value) ?? typeof value);
}

/**
 * The arguments object of a call: `undefined` means `{}`; anything but a plain object throws.
 *
 * @example
 * ```ts
 * parseArgs(undefined); // {}
 * parseArgs([1]); // throws: The arguments to a Convex function must be an object.
 * ```
 */
export function parseArgs(args: unknown): Record<string, Value> {
  if (args === undefined) return {};
  if (!isPlainObject(args)) {
    throw new Error(
      `The arguments to a Convex function must be an object. Received: ${describe(args)}`,
    );
  }
  return args;
}
