import { encodeBase64 } from '../encoding/base64.ts';
import { MAX_INT64, MIN_INT64 } from '../value/int64.ts';
import { isArrayBuffer, isPlainObject } from '../value/is-plain-object.ts';
import { sortedKeys } from '../value/sorted-keys.ts';
import type { Value } from '../value/value.ts';
import { PathError, toValuesError, withSegment } from './path-error.ts';
import { float64ToBase64, isSpecialFloat } from './special-numbers.ts';

/**
 * Writes a Convex value as JSON text in the `export_json` format (the line format of snapshot
 * exports): Int64 as a JSON integer (`123`, exact for all 64 bits, which is why this returns text:
 * a JavaScript number could not carry it), NaN/±Infinity/−0 as `{"$float": …}`, bytes as
 * `{"$bytes": …}`, objects with sorted keys. Finite floats with an integral value get a `.0`
 * (`5.0`), so a reader can still tell Float64 from Int64.
 *
 * @throws {ValuesError} code `InvalidValue` (with `path`) for anything that is not a Convex value.
 * @example
 * ```ts
 * convexToExportJsonText({ big: 2n ** 62n, f: 5 }); // '{"big":4611686018427387904,"f":5.0}'
 * ```
 */
export function convexToExportJsonText(value: Value): string {
  try {
    return write(value);
  } catch (error) {
    throw toValuesError(error, '', (path, message) =>
      path === '' ? message : `${message} (at path ${path})`,
    );
  }
}

function write(value: unknown): string {
  switch (typeof value) {
    case 'string':
      return JSON.stringify(value);
    case 'boolean':
      return value ? 'true' : 'false';
    case 'number':
      return writeFloat(value);
    case 'bigint':
      if (value < MIN_INT64 || value > MAX_INT64)
        throw new PathError(
          'InvalidValue',
          `BigInt ${value.toString()} does not fit into a 64-bit signed integer`,
        );
      return value.toString();
    case 'object':
      if (value === null) return 'null';
      if (Array.isArray(value)) return writeArray(value);
      if (isPlainObject(value)) return writeObject(value);
      if (isArrayBuffer(value)) return `{"$bytes":"${encodeBase64(new Uint8Array(value))}"}`;
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

function writeFloat(value: number): string {
  if (isSpecialFloat(value)) return `{"$float":"${float64ToBase64(value)}"}`;
  const text = JSON.stringify(value);
  return Number.isInteger(value) && !text.includes('e') ? `${text}.0` : text;
}

function writeArray(value: readonly unknown[]): string {
  let out = '[';
  for (let i = 0; i < value.length; i++) {
    if (i > 0) out += ',';
    try {
      out += write(value[i]);
    } catch (error) {
      throw withSegment(error, i);
    }
  }
  return out + ']';
}

function writeObject(value: Record<string, unknown>): string {
  let out = '{';
  let first = true;
  for (const key of sortedKeys(value)) {
    const field = value[key];
    if (field === undefined) continue;
    if (!first) out += ',';
    first = false;
    try {
      out += `${JSON.stringify(key)}:${write(field)}`;
    } catch (error) {
      throw withSegment(error, key);
    }
  }
  return out + '}';
}
