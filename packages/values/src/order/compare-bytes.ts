/**
 * Compares two byte strings lexicographically as unsigned bytes, a proper prefix first. Returns
 * -1, 0 or 1. This is the order of sort keys and index keys.
 *
 * @example
 * ```ts
 * compareBytes(new Uint8Array([1, 2]), new Uint8Array([1, 3])); // -1
 * compareBytes(new Uint8Array([1]), new Uint8Array([1, 0])); // -1
 * ```
 */
export function compareBytes(a: Uint8Array, b: Uint8Array): -1 | 0 | 1 {
  const length = Math.min(a.length, b.length);
  for (let i = 0; i < length; i++) {
    const x = a[i]!;
    const y = b[i]!;
    if (x !== y) return x < y ? -1 : 1;
  }
  return a.length === b.length ? 0 : a.length < b.length ? -1 : 1;
}
