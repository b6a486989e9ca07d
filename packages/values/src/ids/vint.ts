/**
 * The number of bytes of the VInt (unsigned LEB128) encoding of `value`.
 *
 * @internal
 * @example
 * ```ts
 * vintLength(127); // 1
 * vintLength(128); // 2
 * ```
 */
export function vintLength(value: number): number {
  let length = 1;
  for (let rest = value >>> 7; rest !== 0; rest >>>= 7) length++;
  return length;
}

/**
 * Writes the VInt (unsigned LEB128: 7 bits per byte, low bits first, high bit = "more follows") of
 * the u32 `value` into `out` at `offset` and returns the offset after it.
 *
 * @internal
 * @example
 * ```ts
 * const out = new Uint8Array(5);
 * writeVint(10001, out, 0); // 2, out starts [0x91, 0x4e]
 * ```
 */
export function writeVint(value: number, out: Uint8Array, offset: number): number {
  let rest = value >>> 0;
  let at = offset;
  while (rest >= 0x80) {
    out[at++] = (rest & 0x7f) | 0x80;
    rest >>>= 7;
  }
  out[at++] = rest;
  return at;
}

/**
 * The result of {@link readVint}: the value and how many bytes it took, or why it could not be read.
 *
 * @internal
 * @example
 * ```ts
 * const result: VintReadResult = { value: 1, length: 1 };
 * ```
 */
export type VintReadResult =
  { readonly value: number; readonly length: number } | { readonly error: string };

/**
 * Reads a u32 VInt from `bytes` at `offset` (at most 5 bytes).
 *
 * @internal
 * @example
 * ```ts
 * readVint(new Uint8Array([0x91, 0x4e]), 0); // { value: 10001, length: 2 }
 * ```
 */
export function readVint(bytes: Uint8Array, offset: number): VintReadResult {
  let value = 0;
  for (let i = 0; i < 5; i++) {
    const byte = bytes[offset + i];
    if (byte === undefined) return { error: 'the table number is truncated' };
    const bits = byte & 0x7f;
    if (i === 4 && bits > 0x0f) return { error: 'the table number does not fit in 32 bits' };
    value += bits * 2 ** (7 * i);
    if (byte < 0x80) return { value, length: i + 1 };
  }
  return { error: 'the table number does not fit in 32 bits' };
}
