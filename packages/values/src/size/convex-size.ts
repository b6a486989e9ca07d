import { utf8ByteLength } from '../encoding/utf8.ts';
import { ValuesError } from '../errors/values-error.ts';
import { isCommitTsPlaceholder } from '../value/commit-ts-placeholder.ts';
import { isArrayBuffer, isPlainObject } from '../value/is-plain-object.ts';
import type { Value } from '../value/value.ts';

/**
 * The size of a Convex value in bytes, by the formula Convex uses for document size limits and
 * bandwidth: undefined 0, null 1, boolean 1, Int64 9, Float64 9, string 2 + UTF-8 length,
 * bytes 2 + length, array 2 + Σ elements, object 2 + Σ (UTF-8 key length + 1 + value) over the
 * fields that are not `undefined`. The commit-timestamp placeholder counts as an Int64. Equal to
 * `getConvexSize` of `convex/values` for every value.
 *
 * @throws {ValuesError} code `InvalidValue` for anything that is not a Convex value.
 * @example
 * ```ts
 * getConvexSize({ a: 'hi' }); // 2 + (1 + 1 + 4) = 8
 * ```
 */
export function getConvexSize(value: Value | undefined): number {
  switch (typeof value) {
    case 'undefined':
      return 0;
    case 'boolean':
      return 1;
    case 'bigint':
    case 'number':
      return 9;
    case 'string':
      return 2 + utf8ByteLength(value);
    case 'object':
      return value === null ? 1 : objectSize(value);
    case 'function':
    case 'symbol':
      throw unsupported(value);
  }
}

function objectSize(value: object): number {
  if (Array.isArray(value)) {
    let size = 2;
    for (const element of value as (Value | undefined)[]) size += getConvexSize(element);
    return size;
  }
  if (isPlainObject(value)) {
    let size = 2;
    for (const key in value) {
      if (!Object.hasOwn(value, key)) continue;
      const field = value[key] as Value | undefined;
      if (field !== undefined) size += utf8ByteLength(key) + 1 + getConvexSize(field);
    }
    return size;
  }
  if (isArrayBuffer(value)) return 2 + value.byteLength;
  if (isCommitTsPlaceholder(value)) return 9;
  throw unsupported(value);
}

function unsupported(value: unknown): ValuesError {
  const name =
    typeof value === 'object' && value !== null
      ? (value.constructor?.name ?? 'object')
      : typeof value;
  return new ValuesError('InvalidValue', `Unsupported value type: ${name} is not a Convex value`);
}
