import { encodeIndexKey, encodeSortKey, type Value } from '@selfhost/values';

declare const indexKeyBrand: unique symbol;

/**
 * An index key held as a "binary string": one char per byte (latin1), so that JavaScript's `<`
 * on strings is exactly the byte order of the keys, and keys work as `Map` keys. Convert with
 * {@link keyFromBytes} / {@link keyToBytes} at the storage boundary.
 *
 * @example
 * ```ts
 * const key = keyFromBytes(encodeIndexKey(['a', 1]));
 * ```
 */
export type IndexKey = string & { readonly [indexKeyBrand]: true };

/** The smallest key (empty): the start of every full range. */
export const KEY_MIN = '' as IndexKey;

/** Bigger than every key: sort keys start with a tag byte ≤ 0x15, never 0xFF. */
export const KEY_MAX = '\xff' as IndexKey;

/**
 * The key of raw bytes.
 *
 * @example
 * ```ts
 * keyFromBytes(new Uint8Array([0x10, 0x61, 0])); // '\x10a\x00'
 * ```
 */
export function keyFromBytes(bytes: Uint8Array): IndexKey {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString(
    'latin1',
  ) as IndexKey;
}

/**
 * The bytes of a key.
 *
 * @example
 * ```ts
 * keyToBytes(KEY_MAX); // Buffer [0xff]
 * ```
 */
export function keyToBytes(key: IndexKey): Buffer {
  return Buffer.from(key, 'latin1');
}

/**
 * The key of a sequence of values (the order-preserving encoding of @selfhost/values).
 *
 * @example
 * ```ts
 * indexKeyOf(['a', 1.5]);
 * ```
 */
export function indexKeyOf(values: readonly (Value | undefined)[]): IndexKey {
  return keyFromBytes(encodeIndexKey(values));
}

/**
 * The sort key of one value.
 *
 * @example
 * ```ts
 * sortKeyOf('j57…'); // the by_id key of that id
 * ```
 */
export function sortKeyOf(value: Value | undefined): IndexKey {
  return keyFromBytes(encodeSortKey(value));
}

/**
 * The smallest key greater than `key` (append a zero byte): `[start, successor(k))` contains k.
 *
 * @example
 * ```ts
 * successor(key) > key; // true
 * ```
 */
export function successor(key: IndexKey): IndexKey {
  return (key + '\x00') as IndexKey;
}

/**
 * The first key after every key that starts with `prefix`, for a prefix made of whole sort keys
 * (the next byte of a longer key is a tag byte < 0xFF).
 *
 * @example
 * ```ts
 * prefixEnd(sortKeyOf('a')); // sortKeyOf('a') + '\xff'
 * ```
 */
export function prefixEnd(prefix: IndexKey): IndexKey {
  return (prefix + '\xff') as IndexKey;
}

/**
 * Compares two keys by bytes.
 *
 * @example
 * ```ts
 * rows.sort((a, b) => compareKeys(a.key, b.key));
 * ```
 */
export function compareKeys(a: IndexKey, b: IndexKey): -1 | 0 | 1 {
  return a < b ? -1 : a > b ? 1 : 0;
}
