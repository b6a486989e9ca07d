import { compareUtf8 } from '../encoding/utf8.ts';
import { isCommitTsPlaceholder } from '../value/commit-ts-placeholder.ts';
import { MAX_INT64 } from '../value/int64.ts';
import { isArrayBuffer } from '../value/is-plain-object.ts';
import { sortedKeys } from '../value/sorted-keys.ts';
import type { Value } from '../value/value.ts';
import { compareFloats } from './compare-floats.ts';

/** Type ranks of the total order. Only their relative order matters. */
const RANK_UNDEFINED = 0;
const RANK_NULL = 1;
const RANK_INT64 = 2;
const RANK_FLOAT64 = 3;
const RANK_BOOLEAN = 4;
const RANK_STRING = 5;
const RANK_BYTES = 6;
const RANK_ARRAY = 7;
const RANK_OBJECT = 8;

/**
 * Compares two Convex values (or `undefined`, which sorts first) by the Convex total order, the
 * order of indexes and `.order()`. Returns -1, 0 or 1.
 *
 * - Types: undefined < null < Int64 < Float64 < Boolean < String < Bytes < Array < Object; every
 *   Int64 sorts before every Float64 (`1n` and `1` are different values).
 * - Float64 by the IEEE total order (−0 < +0, NaN after +Infinity, NaN payloads by their bits).
 * - Strings by UTF-8 bytes; bytes as unsigned bytes; arrays element-wise, then shorter first.
 * - Objects as their (field name, value) pairs in sorted field order, then fewer fields first. As
 *   in `convex/values`, a field holding `undefined` takes part as a field whose value sorts first.
 * - The commit-timestamp placeholder sorts as the largest Int64.
 *
 * Agrees in sign with `compareValues` of `convex/values`, except for two negative NaNs with
 * different payloads, which that one orders backwards (see the package README).
 *
 * @example
 * ```ts
 * compareValues(1n, 0.5); // -1: Int64 sorts before Float64
 * compareValues(undefined, null); // -1
 * compareValues('\uffff', '😀'); // -1: UTF-8 order
 * ```
 */
export function compareValues(a: Value | undefined, b: Value | undefined): -1 | 0 | 1 {
  const rankA = rankOf(a);
  const rankB = rankOf(b);
  if (rankA !== rankB) return rankA < rankB ? -1 : 1;
  switch (rankA) {
    case RANK_UNDEFINED:
    case RANK_NULL:
      return 0;
    case RANK_INT64:
      return compareBigints(asBigint(a), asBigint(b));
    case RANK_FLOAT64:
      return compareFloats(a as number, b as number);
    case RANK_BOOLEAN:
      return a === b ? 0 : a === false ? -1 : 1;
    case RANK_STRING:
      return Math.sign(compareUtf8(a as string, b as string)) as -1 | 0 | 1;
    case RANK_BYTES:
      return compareBuffers(a as ArrayBuffer, b as ArrayBuffer);
    case RANK_ARRAY:
      return compareArrays(a as (Value | undefined)[], b as (Value | undefined)[]);
    default:
      return compareObjects(
        a as Record<string, Value | undefined>,
        b as Record<string, Value | undefined>,
      );
  }
}

function rankOf(value: Value | undefined): number {
  switch (typeof value) {
    case 'undefined':
      return RANK_UNDEFINED;
    case 'bigint':
      return RANK_INT64;
    case 'number':
      return RANK_FLOAT64;
    case 'boolean':
      return RANK_BOOLEAN;
    case 'string':
      return RANK_STRING;
    case 'object':
    case 'function':
    case 'symbol':
      if (value === null) return RANK_NULL;
      if (Array.isArray(value)) return RANK_ARRAY;
      if (isCommitTsPlaceholder(value)) return RANK_INT64;
      if (isArrayBuffer(value)) return RANK_BYTES;
      return RANK_OBJECT;
  }
}

function asBigint(value: Value | undefined): bigint {
  return typeof value === 'bigint' ? value : MAX_INT64;
}

function compareBigints(a: bigint, b: bigint): -1 | 0 | 1 {
  return a < b ? -1 : a > b ? 1 : 0;
}

function compareBuffers(a: ArrayBuffer, b: ArrayBuffer): -1 | 0 | 1 {
  const x = new Uint8Array(a);
  const y = new Uint8Array(b);
  const length = Math.min(x.length, y.length);
  for (let i = 0; i < length; i++) {
    if (x[i] !== y[i]) return x[i]! < y[i]! ? -1 : 1;
  }
  return x.length === y.length ? 0 : x.length < y.length ? -1 : 1;
}

function compareArrays(
  a: readonly (Value | undefined)[],
  b: readonly (Value | undefined)[],
): -1 | 0 | 1 {
  const length = Math.min(a.length, b.length);
  for (let i = 0; i < length; i++) {
    const order = compareValues(a[i], b[i]);
    if (order !== 0) return order;
  }
  return a.length === b.length ? 0 : a.length < b.length ? -1 : 1;
}

function compareObjects(
  a: Record<string, Value | undefined>,
  b: Record<string, Value | undefined>,
): -1 | 0 | 1 {
  const keysA = sortedKeys(a);
  const keysB = sortedKeys(b);
  const length = Math.min(keysA.length, keysB.length);
  for (let i = 0; i < length; i++) {
    const keyA = keysA[i]!;
    const keyB = keysB[i]!;
    if (keyA !== keyB) return Math.sign(compareUtf8(keyA, keyB)) as -1 | 1;
    const order = compareValues(a[keyA], b[keyB]);
    if (order !== 0) return order;
  }
  return keysA.length === keysB.length ? 0 : keysA.length < keysB.length ? -1 : 1;
}
