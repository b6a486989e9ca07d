import { ValuesError } from '../errors/values-error.ts';
import { isCommitTsPlaceholder } from '../value/commit-ts-placeholder.ts';
import { MAX_INT64, MIN_INT64 } from '../value/int64.ts';
import { isArrayBuffer, isPlainObject } from '../value/is-plain-object.ts';
import { sortedKeys } from '../value/sorted-keys.ts';
import type { Value } from '../value/value.ts';
import { SORT_KEY_TAG as TAG } from './sort-key-tags.ts';
import { borrowSortKeyWriter, type SortKeyWriter } from './sort-key-writer.ts';

/**
 * The order-preserving binary sort key of a value (or of `undefined`, a missing field): comparing
 * two keys with {@link compareBytes} gives the same order as {@link compareValues} on the values.
 * The layout is the reference backend's (see {@link SORT_KEY_TAG}): strings and bytes have 0x00
 * escaped as 0x00 0xFF and end in 0x00; arrays are their elements and 0x00; objects are, per field
 * in sorted order, the escaped name, its 0x00 terminator (plus 0xFF if the name is empty, so that
 * it is not taken for the end of the object), the value, then a final 0x00. The commit-timestamp
 * placeholder is encoded as the largest Int64.
 *
 * @throws {ValuesError} code `InvalidValue` for anything that is not a Convex value.
 * @example
 * ```ts
 * encodeSortKey(1n); // Uint8Array [0x09, 0x01]
 * encodeSortKey('a'); // Uint8Array [0x10, 0x61, 0x00]
 * ```
 */
export function encodeSortKey(value: Value | undefined): Uint8Array {
  const writer = borrowSortKeyWriter();
  try {
    writeSortKey(writer, value);
    return writer.finish();
  } finally {
    writer.busy = false;
  }
}

/**
 * The key of an index entry: the concatenated sort keys of `values` (a missing field is
 * `undefined`). Keys of tuples compare like the tuples, element by element.
 *
 * @throws {ValuesError} code `InvalidValue` for anything that is not a Convex value.
 * @example
 * ```ts
 * encodeIndexKey(['ada', 1700000000000.5, id]);
 * ```
 */
export function encodeIndexKey(values: readonly (Value | undefined)[]): Uint8Array {
  const writer = borrowSortKeyWriter();
  try {
    for (const value of values) writeSortKey(writer, value);
    return writer.finish();
  } finally {
    writer.busy = false;
  }
}

function writeSortKey(writer: SortKeyWriter, value: unknown): void {
  switch (typeof value) {
    case 'undefined':
      return writer.byte(TAG.undefined);
    case 'boolean':
      return writer.byte(value ? TAG.true : TAG.false);
    case 'number':
      return writer.tagAndFloat(TAG.float64, value);
    case 'bigint':
      return writeInt64(writer, value);
    case 'string':
      writer.byte(TAG.string);
      return writer.escapedString(value);
    case 'object':
      if (value === null) return writer.byte(TAG.null);
      if (Array.isArray(value)) {
        writer.byte(TAG.array);
        for (const element of value) writeSortKey(writer, element);
        return writer.byte(TAG.terminator);
      }
      if (isPlainObject(value)) return writeObject(writer, value);
      if (isArrayBuffer(value)) {
        writer.byte(TAG.bytes);
        return writer.escapedBytes(new Uint8Array(value));
      }
      if (isCommitTsPlaceholder(value)) return writeInt64(writer, MAX_INT64);
      throw new ValuesError(
        'InvalidValue',
        `${value.constructor?.name ?? 'Object'} is not a Convex value and has no sort key`,
      );
    case 'function':
    case 'symbol':
      throw new ValuesError(
        'InvalidValue',
        `a ${typeof value} is not a Convex value and has no sort key`,
      );
  }
}

function writeObject(writer: SortKeyWriter, value: Record<string, unknown>): void {
  writer.byte(TAG.object);
  // Default sort = UTF-16 order = byte order for valid (ASCII) field names; compareValues agrees.
  for (const key of sortedKeys(value)) {
    writer.escapedString(key);
    if (key.length === 0) writer.byte(TAG.escape);
    writeSortKey(writer, value[key]);
  }
  writer.byte(TAG.terminator);
}

function writeInt64(writer: SortKeyWriter, value: bigint): void {
  if (value === 0n) return writer.byte(TAG.zeroInt64);
  const negative = value < 0n;
  if (value >= -0x80n && value <= 0x7fn) {
    return writer.tagAndInt(
      negative ? TAG.negativeInt64Bytes1 : TAG.positiveInt64Bytes1,
      Number(value),
      1,
    );
  }
  if (value >= -0x8000n && value <= 0x7fffn) {
    return writer.tagAndInt(
      negative ? TAG.negativeInt64Bytes2 : TAG.positiveInt64Bytes2,
      Number(value),
      2,
    );
  }
  if (value >= -0x80000000n && value <= 0x7fffffffn) {
    return writer.tagAndInt(
      negative ? TAG.negativeInt64Bytes4 : TAG.positiveInt64Bytes4,
      Number(value),
      4,
    );
  }
  if (value < MIN_INT64 || value > MAX_INT64) {
    throw new ValuesError(
      'InvalidValue',
      `BigInt ${value.toString()} does not fit into a 64-bit signed integer`,
    );
  }
  writer.tagAndBigInt(negative ? TAG.negativeInt64Bytes8 : TAG.positiveInt64Bytes8, value);
}
