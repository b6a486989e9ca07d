import { encodeBase64 } from '../encoding/base64.ts';
import { MAX_INT64, MIN_INT64 } from '../value/int64.ts';
import { isArrayBuffer, isPlainObject } from '../value/is-plain-object.ts';
import { sortedKeys } from '../value/sorted-keys.ts';
import type { JSONValue, Value } from '../value/value.ts';
import { PathError, toValuesError, withSegment } from './path-error.ts';
import { setOwnField } from './set-own-field.ts';

/**
 * Converts a Convex value to "clean" JSON (HTTP `format=json`): readable but lossy. Int64 becomes a
 * decimal string (`"123"`), NaN/±Infinity become `"NaN"`, `"Infinity"`, `"-Infinity"`, bytes become
 * a base64 string, objects get sorted keys. Other floats stay JSON numbers.
 *
 * @throws {ValuesError} code `InvalidValue` (with `path`) for anything that is not a Convex value,
 *   including an unresolved commit-timestamp placeholder.
 * @example
 * ```ts
 * convexToCleanJson({ n: 5n, x: NaN }); // { n: '5', x: 'NaN' }
 * ```
 */
export function convexToCleanJson(value: Value): JSONValue {
  try {
    return clean(value);
  } catch (error) {
    throw toValuesError(error, '', (path, message) =>
      path === '' ? message : `${message} (at path ${path})`,
    );
  }
}

function clean(value: unknown): JSONValue {
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return value;
    case 'number':
      if (Number.isNaN(value)) return 'NaN';
      if (value === Infinity) return 'Infinity';
      if (value === -Infinity) return '-Infinity';
      return value;
    case 'bigint':
      if (value < MIN_INT64 || value > MAX_INT64)
        throw new PathError(
          'InvalidValue',
          `BigInt ${value.toString()} does not fit into a 64-bit signed integer`,
        );
      return value.toString();
    case 'object':
      if (value === null) return null;
      if (Array.isArray(value)) {
        return value.map((element, index) => {
          try {
            return clean(element);
          } catch (error) {
            throw withSegment(error, index);
          }
        });
      }
      if (isPlainObject(value)) return cleanFields(value);
      if (isArrayBuffer(value)) return encodeBase64(new Uint8Array(value));
      throw new PathError(
        'InvalidValue',
        `${value.constructor?.name ?? 'Object'} cannot be exported as JSON`,
      );
    case 'undefined':
    case 'function':
    case 'symbol':
      throw new PathError('InvalidValue', `${typeof value} is not a valid Convex value`);
  }
}

function cleanFields(value: Record<string, unknown>): JSONValue {
  const out: { [key: string]: JSONValue } = {};
  for (const key of sortedKeys(value)) {
    const field = value[key];
    if (field === undefined) continue;
    try {
      setOwnField(out, key, clean(field));
    } catch (error) {
      throw withSegment(error, key);
    }
  }
  return out;
}
