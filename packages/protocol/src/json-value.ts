import type { JSONValue } from '@selfhost/values';
import * as v from 'valibot';

/**
 * A JSON object: the shape of a function's arguments.
 *
 * @example
 * ```ts
 * const args: JSONObject = { channel: 'general' };
 * ```
 */
export type JSONObject = { [key: string]: JSONValue };

/**
 * Whether `value` is a JSON value: `null`, a boolean, a finite number, a string, or an array or
 * plain object made of JSON values. Anything `JSON.parse` returns passes.
 *
 * @example
 * ```ts
 * isJsonValue({ a: [1, 'x', null] }); // true
 * isJsonValue({ a: undefined }); // false
 * isJsonValue(Number.NaN); // false
 * ```
 */
export function isJsonValue(value: unknown): value is JSONValue {
  if (typeof value === 'string' || typeof value === 'boolean' || value === null) return true;
  if (typeof value === 'number') return Number.isFinite(value);
  if (typeof value !== 'object') return false;
  if (Array.isArray(value)) {
    for (const item of value) if (!isJsonValue(item)) return false;
    return true;
  }
  if (!isPlainObject(value)) return false;
  for (const key in value) {
    if (!isJsonValue((value as Record<string, unknown>)[key])) return false;
  }
  return true;
}

/**
 * Whether `value` is a JSON object (a plain object whose values are JSON).
 *
 * @example
 * ```ts
 * isJsonObject({ a: 1 }); // true
 * isJsonObject([1]); // false
 * ```
 */
export function isJsonObject(value: unknown): value is JSONObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && isJsonValue(value);
}

function isPlainObject(value: object): boolean {
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/**
 * Schema for a JSON value (validated as JSON only: decoding Convex-JSON is the caller's job).
 *
 * @example
 * ```ts
 * v.parse(jsonValueSchema, { a: 1 }); // { a: 1 }
 * ```
 */
export const jsonValueSchema = v.custom<JSONValue>(isJsonValue, 'expected a JSON value');

/**
 * Schema for a JSON object.
 *
 * @example
 * ```ts
 * v.parse(jsonObjectSchema, { a: 1 }); // { a: 1 }
 * ```
 */
export const jsonObjectSchema = v.custom<JSONObject>(isJsonObject, 'expected an object');

/**
 * {@link jsonValueSchema} typed with an `unknown` input. Only for `v.optional(…, default)`:
 * with the recursive `JSONValue` as input type, valibot's default-value type sends TypeScript
 * into infinite instantiation.
 *
 * @internal
 * @example
 * ```ts
 * v.object({ spans: v.optional(v.array(jsonValueLooseInputSchema), () => []) });
 * ```
 */
export const jsonValueLooseInputSchema = jsonValueSchema as v.GenericSchema<unknown, JSONValue>;

/**
 * Schema for a JSON value that may be missing; missing reads as `null`.
 *
 * @internal
 * @example
 * ```ts
 * v.parse(v.object({ pos: jsonValueOrNullSchema }), {}); // { pos: null }
 * ```
 */
export const jsonValueOrNullSchema = v.optional(jsonValueLooseInputSchema, null);
