import { createHash } from 'node:crypto';
import { keyToBytes, type IndexKey } from '../keys/index-key.ts';

/**
 * An index key stored as prefix + SHA-256 (+ suffix) on servers whose index entries are size
 * limited (PostgreSQL btree ~2.7 KB, MySQL/MariaDB 3,072 bytes; semantics §2.1).
 *
 * @internal
 * @example
 * ```ts
 * const { prefix, sha256, suffix } = splitKey(key, 2500);
 * ```
 */
export interface SplitKey {
  readonly prefix: Buffer;
  readonly sha256: Buffer;
  readonly suffix: Buffer | null;
}

/**
 * Splits a key into its first `prefixLength` bytes, the SHA-256 of the whole key, and the rest.
 *
 * @internal
 * @example
 * ```ts
 * splitKey(key, 2500).suffix; // null for keys of at most 2500 bytes
 * ```
 */
export function splitKey(key: IndexKey, prefixLength: number): SplitKey {
  const bytes = keyToBytes(key);
  return {
    prefix: bytes.length > prefixLength ? bytes.subarray(0, prefixLength) : bytes,
    sha256: createHash('sha256').update(bytes).digest(),
    suffix: bytes.length > prefixLength ? bytes.subarray(prefixLength) : null,
  };
}

/**
 * The smallest byte string greater than every string that starts with `prefix` (increment the
 * last byte that is not 0xFF and cut after it).
 *
 * @internal
 * @example
 * ```ts
 * incrementPrefix(Buffer.from([1, 0xff])); // Buffer [2]
 * ```
 */
export function incrementPrefix(prefix: Buffer): Buffer {
  let k = prefix.length - 1;
  while (k >= 0 && prefix[k] === 0xff) k--;
  if (k < 0) throw new Error('Assertion failed: an all-0xFF prefix has no successor');
  const out = Buffer.from(prefix.subarray(0, k + 1));
  out[k] = out[k]! + 1;
  return out;
}
