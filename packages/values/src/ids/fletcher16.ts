/**
 * The Fletcher-16 checksum (modulus 256) of `bytes[0 … end)`: two running byte sums, returned as
 * `(sum2 << 8) | sum1`. Document ids store it little-endian, i.e. as the bytes `[sum1, sum2]`.
 *
 * @internal
 * @example
 * ```ts
 * fletcher16(new Uint8Array([1, 2]), 2); // (4 << 8) | 3
 * ```
 */
export function fletcher16(bytes: Uint8Array, end: number): number {
  let sum1 = 0;
  let sum2 = 0;
  for (let i = 0; i < end; i++) {
    sum1 = (sum1 + bytes[i]!) & 0xff;
    sum2 = (sum2 + sum1) & 0xff;
  }
  return (sum2 << 8) | sum1;
}
