import { encodeBase64 } from '../encoding/base64.ts';
import { fieldNameProblem } from '../names/field-name.ts';
import { isCommitTsPlaceholder } from '../value/commit-ts-placeholder.ts';
import { MAX_INT64, MIN_INT64 } from '../value/int64.ts';
import { isArrayBuffer, isPlainObject } from '../value/is-plain-object.ts';
import { sortedKeys } from '../value/sorted-keys.ts';
import { stringifyValueForError } from '../value/stringify-value-for-error.ts';
import type { JSONValue, Value } from '../value/value.ts';
import { PathError, toValuesError, withSegment } from './path-error.ts';
import { float64ToBase64, int64ToBase64, isSpecialFloat } from './special-numbers.ts';
import { setOwnField } from './set-own-field.ts';

const TYPES_LINK =
  "To learn about Convex's supported types, see https://docs.convex.dev/using/types.";

/**
 * Converts a Convex value to its Convex-JSON form (the lossless wire encoding): Int64 becomes
 * `{"$integer": base64}`, NaN/±Infinity/−0 become `{"$float": base64}`, bytes become
 * `{"$bytes": base64}`, object keys are sorted and fields holding `undefined` are dropped. The
 * output is exactly what `convexToJson` of `convex/values` produces for every Convex value, except
 * that a `__proto__` field stays an own property.
 *
 * @throws {ValuesError} code `InvalidValue` (with `path`) for anything that is not a Convex value,
 *   or `InvalidFieldName` for a bad field name.
 * @example
 * ```ts
 * convexToJson({ n: 1n, b: new Uint8Array([1]).buffer }); // { b: { $bytes: 'AQ==' }, n: { $integer: 'AQAAAAAAAAA=' } }
 * ```
 */
export function convexToJson(value: Value): JSONValue {
  return encodeRoot(value, false);
}

/**
 * Like {@link convexToJson}, but `undefined` itself becomes `{"$undefined": null}`: the form of a
 * "missing field" in filters and index ranges.
 *
 * @example
 * ```ts
 * convexOrUndefinedToJson(undefined); // { $undefined: null }
 * ```
 */
export function convexOrUndefinedToJson(value: Value | undefined): JSONValue {
  return value === undefined ? { $undefined: null } : encodeRoot(value, false);
}

/**
 * Like {@link convexToJson}, but top-level object fields holding `undefined` are kept as
 * `{"$undefined": null}`: the form of a `db.patch` value, where they mean "delete this field".
 *
 * @example
 * ```ts
 * patchValueToJson({ a: undefined, b: 1 }); // { a: { $undefined: null }, b: 1 }
 * ```
 */
export function patchValueToJson(value: Value): JSONValue {
  return encodeRoot(value, true);
}

function encodeRoot(value: Value, keepUndefinedFields: boolean): JSONValue {
  try {
    return encode(value, keepUndefinedFields);
  } catch (error) {
    throw toValuesError(error, '', (path, message) =>
      path === ''
        ? `${message}. ${TYPES_LINK}`
        : `${message} (at path ${path} in ${stringifyValueForError(value)}). ${TYPES_LINK}`,
    );
  }
}

function encode(value: unknown, keepUndefinedFields: boolean): JSONValue {
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return value;
    case 'number':
      return isSpecialFloat(value) ? { $float: float64ToBase64(value) } : value;
    case 'bigint':
      if (value < MIN_INT64 || value > MAX_INT64) {
        throw new PathError(
          'InvalidValue',
          `BigInt ${value.toString()} does not fit into a 64-bit signed integer`,
        );
      }
      return { $integer: int64ToBase64(value) };
    case 'object':
      return value === null ? null : encodeObject(value, keepUndefinedFields);
    case 'undefined':
      throw new PathError('InvalidValue', 'undefined is not a valid Convex value');
    case 'function':
    case 'symbol':
      throw new PathError(
        'InvalidValue',
        `${stringifyValueForError(value)} (a ${typeof value}) is not a supported Convex type`,
      );
  }
}

function encodeObject(value: object, keepUndefinedFields: boolean): JSONValue {
  if (Array.isArray(value)) {
    const out: JSONValue[] = new Array<JSONValue>(value.length);
    for (let i = 0; i < value.length; i++) {
      try {
        out[i] = encode(value[i], false);
      } catch (error) {
        throw withSegment(error, i);
      }
    }
    return out;
  }
  if (isPlainObject(value)) return encodeFields(value, keepUndefinedFields);
  if (isArrayBuffer(value)) return { $bytes: encodeBase64(new Uint8Array(value)) };
  if (isCommitTsPlaceholder(value)) return { $commitTs: null };
  const typeName =
    value instanceof Set ? 'Set' : value instanceof Map ? 'Map' : value.constructor?.name;
  const shown = value instanceof Set || value instanceof Map ? [...value] : value;
  throw new PathError(
    'InvalidValue',
    `${typeName ?? 'Object'} ${stringifyValueForError(shown)} is not a supported Convex type`,
  );
}

function encodeFields(value: Record<string, unknown>, keepUndefinedFields: boolean): JSONValue {
  const out: { [key: string]: JSONValue } = {};
  // Default sort = UTF-16 order, which is byte order for valid (ASCII) field names.
  for (const key of sortedKeys(value)) {
    const field = value[key];
    if (field === undefined && !keepUndefinedFields) continue;
    const problem = fieldNameProblem(key);
    if (problem !== undefined) {
      throw withSegment(
        new PathError('InvalidFieldName', `Field name ${JSON.stringify(key)} ${problem}`),
        key,
      );
    }
    try {
      setOwnField(out, key, field === undefined ? { $undefined: null } : encode(field, false));
    } catch (error) {
      throw withSegment(error, key);
    }
  }
  return out;
}
