import { decodeBase64 } from '../encoding/base64.ts';
import { isWellFormedString } from '../encoding/utf8.ts';
import { MAX_VALUE_NESTING } from '../limits/value-limits.ts';
import { fieldNameProblem } from '../names/field-name.ts';
import { commitTsPlaceholder } from '../value/commit-ts-placeholder.ts';
import { isPlainObject } from '../value/is-plain-object.ts';
import type { JSONValue, Value } from '../value/value.ts';
import { PathError, toValuesError, withSegment } from './path-error.ts';
import { setOwnField } from './set-own-field.ts';
import { eightBytes, isSpecialFloat } from './special-numbers.ts';

/**
 * Options of {@link jsonToConvex}.
 *
 * @example
 * ```ts
 * const options: JsonToConvexOptions = { path: 'args[0]', allowCommitTs: false };
 * ```
 */
export interface JsonToConvexOptions {
  /** Label of the root in error paths, e.g. `args[0]` gives `args[0].messages[3].$integer`. */
  readonly path?: string;
  /**
   * Accept `{"$undefined": null}` as the value of a top-level object field (a `db.patch` value,
   * where it means "delete this field"); the field is then present and holds `undefined`.
   * Default `false`.
   */
  readonly allowUndefinedFields?: boolean;
  /** Accept `{"$commitTs": null}` (only meaningful in mutations). Default `true`, like `convex/values`. */
  readonly allowCommitTs?: boolean;
  /** The deepest arrays/objects may nest (a scalar is 0). Default {@link MAX_VALUE_NESTING} (64). */
  readonly maxNesting?: number;
}

interface DecodeContext {
  readonly allowUndefinedFields: boolean;
  readonly allowCommitTs: boolean;
  readonly maxNesting: number;
}

/**
 * Decodes Convex-JSON (see {@link convexToJson}) into a Convex value. JSON numbers are always
 * Float64; Int64 only ever arrives as `$integer`. Stricter than `convex/values`: it rejects bad
 * base64, strings with lone surrogates, `$float` carrying an ordinary number, `$undefined`
 * (unless allowed), the removed `$set`/`$map`, unknown `$`-keys, bad field names, non-JSON input
 * and nesting over `maxNesting`. A `__proto__` key becomes an own field.
 *
 * @throws {ValuesError} code `InvalidJson` (or `InvalidFieldName` / `LimitExceeded`), whose
 *   message says where and what, e.g.
 *   `Invalid Convex-JSON at args[0].messages[3].$integer: expected 8 bytes for $integer, got 5`,
 *   and whose `path` is the where.
 * @example
 * ```ts
 * jsonToConvex({ $integer: 'AQAAAAAAAAA=' }); // 1n
 * jsonToConvex(JSON.parse(body), { path: 'args' });
 * ```
 */
export function jsonToConvex(json: JSONValue, options: JsonToConvexOptions = {}): Value {
  const result = decodeRoot(json, options, false);
  return result as Value;
}

/**
 * Like {@link jsonToConvex}, but the whole value may be `{"$undefined": null}` (a "missing field"
 * in a filter literal, an index range or a search filter), which decodes to `undefined`.
 *
 * @example
 * ```ts
 * jsonToConvexOrUndefined({ $undefined: null }); // undefined
 * ```
 */
export function jsonToConvexOrUndefined(
  json: JSONValue,
  options: JsonToConvexOptions = {},
): Value | undefined {
  return decodeRoot(json, options, true);
}

function decodeRoot(
  json: unknown,
  options: JsonToConvexOptions,
  allowUndefinedRoot: boolean,
): Value | undefined {
  const context: DecodeContext = {
    allowUndefinedFields: options.allowUndefinedFields ?? false,
    allowCommitTs: options.allowCommitTs ?? true,
    maxNesting: options.maxNesting ?? MAX_VALUE_NESTING,
  };
  try {
    if (allowUndefinedRoot && isUndefinedMarker(json)) return undefined;
    return decode(json, context, 0);
  } catch (error) {
    throw toValuesError(error, options.path ?? '', (path, message) =>
      path === ''
        ? `Invalid Convex-JSON: ${message}`
        : `Invalid Convex-JSON at ${path}: ${message}`,
    );
  }
}

function decode(json: unknown, context: DecodeContext, depth: number): Value {
  switch (typeof json) {
    case 'number':
    case 'boolean':
      return json;
    case 'string':
      if (!isWellFormedString(json)) {
        throw new PathError(
          'InvalidJson',
          'string contains a lone UTF-16 surrogate, which is not valid Unicode',
        );
      }
      return json;
    case 'object':
      if (json === null) return null;
      if (Array.isArray(json)) return decodeArray(json, context, depth + 1);
      if (isPlainObject(json)) return decodeObject(json, context, depth);
      throw new PathError(
        'InvalidJson',
        `expected a JSON value, found a ${json.constructor?.name ?? 'non-plain object'}`,
      );
    case 'undefined':
    case 'bigint':
    case 'function':
    case 'symbol':
      throw new PathError('InvalidJson', `expected a JSON value, found ${typeof json}`);
  }
}

function checkDepth(depth: number, context: DecodeContext): void {
  if (depth > context.maxNesting) {
    throw new PathError(
      'LimitExceeded',
      `value is nested deeper than the limit maxNesting = ${context.maxNesting}`,
    );
  }
}

function decodeArray(json: readonly unknown[], context: DecodeContext, depth: number): Value[] {
  checkDepth(depth, context);
  const out = new Array<Value>(json.length);
  for (let i = 0; i < json.length; i++) {
    try {
      out[i] = decode(json[i], context, depth);
    } catch (error) {
      throw withSegment(error, i);
    }
  }
  return out;
}

function decodeObject(json: Record<string, unknown>, context: DecodeContext, depth: number): Value {
  // Only the root has depth 0, and only its fields may hold `$undefined` (when allowed).
  const undefinedFields = depth === 0 && context.allowUndefinedFields;
  const keys = Object.keys(json);
  const first = keys[0];
  if (keys.length === 1 && first !== undefined && first.charCodeAt(0) === 36 /* $ */) {
    try {
      return decodeSpecial(first, json[first], context);
    } catch (error) {
      throw withSegment(error, first);
    }
  }
  checkDepth(depth + 1, context);
  const out: { [key: string]: Value | undefined } = {};
  for (const key of keys) {
    const problem = fieldNameProblem(key);
    if (problem !== undefined) {
      throw withSegment(
        new PathError('InvalidFieldName', `field name ${JSON.stringify(key)} ${problem}`),
        key,
      );
    }
    const field = json[key];
    try {
      setOwnField(
        out,
        key,
        undefinedFields && isUndefinedMarker(field) ? undefined : decode(field, context, depth + 1),
      );
    } catch (error) {
      throw withSegment(error, key);
    }
  }
  return out;
}

function decodeSpecial(key: string, payload: unknown, context: DecodeContext): Value {
  switch (key) {
    case '$integer': {
      const bytes = eightBytes(expectString(key, payload), key);
      if (typeof bytes === 'string') throw new PathError('InvalidJson', bytes);
      return bytes.getBigInt64(0, true);
    }
    case '$float': {
      const bytes = eightBytes(expectString(key, payload), key);
      if (typeof bytes === 'string') throw new PathError('InvalidJson', bytes);
      const float = bytes.getFloat64(0, true);
      if (!isSpecialFloat(float)) {
        throw new PathError(
          'InvalidJson',
          `$float must hold NaN, Infinity, -Infinity or -0, but holds ${float}, which must be written as a JSON number`,
        );
      }
      return float;
    }
    case '$bytes':
      try {
        return decodeBase64(expectString(key, payload)).buffer;
      } catch (error) {
        if (error instanceof PathError) throw error;
        throw new PathError(
          'InvalidJson',
          `$bytes is not valid base64 (${(error as Error).message.replace('invalid base64: ', '')})`,
        );
      }
    case '$commitTs':
      if (!context.allowCommitTs)
        throw new PathError(
          'InvalidJson',
          '$commitTs is only allowed in mutation writes and arguments',
        );
      if (payload !== null)
        throw new PathError(
          'InvalidJson',
          `expected null for $commitTs, found ${describe(payload)}`,
        );
      return commitTsPlaceholder;
    case '$undefined':
      throw new PathError(
        'InvalidJson',
        '$undefined is not allowed here (only as a patch field value, a filter literal or an index range value)',
      );
    case '$set':
    case '$map':
      throw new PathError(
        'InvalidJson',
        `received a ${key === '$set' ? 'Set' : 'Map'} (${key}), which is no longer supported as a Convex type`,
      );
    default:
      throw new PathError(
        'InvalidJson',
        `unknown Convex-JSON type ${JSON.stringify(key)}: field names may not start with '$'`,
      );
  }
}

function expectString(key: string, payload: unknown): string {
  if (typeof payload !== 'string')
    throw new PathError(
      'InvalidJson',
      `expected a base64 string for ${key}, found ${describe(payload)}`,
    );
  return payload;
}

function isUndefinedMarker(json: unknown): boolean {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) return false;
  const keys = Object.keys(json);
  return (
    keys.length === 1 &&
    keys[0] === '$undefined' &&
    (json as { $undefined: unknown }).$undefined === null
  );
}

function describe(value: unknown): string {
  if (value === undefined) return 'undefined';
  const text = JSON.stringify(value) ?? typeof value;
  return text.length > 40 ? `${text.slice(0, 37)}...` : text;
}
