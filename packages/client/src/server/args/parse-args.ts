import type { Value } from '@selfhost/values';

/**
 * The arguments object of a function call: `{}` when none were given. Anything that is not a
 * plain object is rejected, because Convex functions take exactly one object of named arguments.
 *
 * @example
 * ```ts
 * parseArgs(undefined); // {}
 * parseArgs({ text: 'hi' }); // { text: 'hi' }
 * ```
 */
export function parseArgs(args: Record<string, Value> | undefined): Record<string, Value> {
  if (args === undefined) return {};
  if (!isSimpleObject(args)) {
    throw new Error(
      `The arguments to a Convex function must be an object. Received: ${String(args)}. ` +
        'Pass the arguments as one object, e.g. `ctx.runQuery(api.messages.list, { channel })`.',
    );
  }
  return args;
}

/**
 * Whether `value` is a plain object: its prototype is `Object.prototype` or `null`, or — for
 * objects made in another realm, such as a `vm` context — a prototype whose constructor is called
 * `Object`.
 *
 * @example
 * ```ts
 * isSimpleObject({ a: 1 }); // true
 * isSimpleObject(new Date()); // false
 * ```
 */
export function isSimpleObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const prototype = Object.getPrototypeOf(value) as { constructor?: { name?: unknown } } | null;
  return (
    prototype === null || prototype === Object.prototype || prototype.constructor?.name === 'Object'
  );
}
