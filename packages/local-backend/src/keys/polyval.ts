// POLYVAL (RFC 8452 §3), the universal hash inside AES-GCM-SIV. Field elements are 16-byte
// blocks read little-endian: bit i of the block's integer value is the coefficient of x^i in
// GF(2^128) = GF(2)[x] / (x^128 + x^127 + x^126 + x^121 + 1).
//
// BigInt keeps this short and obviously right; admin keys hash a handful of blocks, so speed is not
// a concern here. BigInt arithmetic is not constant-time, but POLYVAL's output is only ever used
// masked and encrypted (the tag), the same exposure as a table-based software GHASH.

const BLOCK = 16;
const POLYNOMIAL = (1n << 128n) | (1n << 127n) | (1n << 126n) | (1n << 121n) | 1n;

/** Reads 16 bytes at `offset` as a little-endian field element. */
function readElement(bytes: Uint8Array, offset: number): bigint {
  const view = new DataView(bytes.buffer, bytes.byteOffset + offset, BLOCK);
  return view.getBigUint64(0, true) | (view.getBigUint64(8, true) << 64n);
}

function writeElement(value: bigint): Uint8Array {
  const out = new Uint8Array(BLOCK);
  const view = new DataView(out.buffer);
  view.setBigUint64(0, value & 0xffff_ffff_ffff_ffffn, true);
  view.setBigUint64(8, value >> 64n, true);
  return out;
}

/**
 * `dot(a, b) = a · b · x^-128` in POLYVAL's field (RFC 8452 §3).
 *
 * @internal
 * @example
 * ```ts
 * // x^128 mod P is dot's identity element.
 * polyvalDot(a, 0xc2000000000000000000000000000001n) === a; // true
 * ```
 */
export function polyvalDot(a: bigint, b: bigint): bigint {
  // Carry-less product, up to 255 bits.
  let product = 0n;
  let shifted = a;
  for (let rest = b; rest !== 0n; rest >>= 1n) {
    if ((rest & 1n) === 1n) product ^= shifted;
    shifted <<= 1n;
  }
  // Multiply by x^-1 128 times: the polynomial's constant term is 1, so adding it when the low
  // bit is set makes the value divisible by x. The result has degree < 128, so it is reduced.
  for (let i = 0; i < 128; i++) {
    if ((product & 1n) === 1n) product ^= POLYNOMIAL;
    product >>= 1n;
  }
  return product;
}

/**
 * POLYVAL(H, X_1, …, X_n) over `data`, whose length must be a multiple of 16 (callers pad).
 *
 * @throws {RangeError} when `key` is not 16 bytes or `data` is not whole blocks.
 * @example
 * ```ts
 * // RFC 8452 Appendix A.
 * polyval(hex('25629347589242761d31f826ba4b757b'),
 *   hex('4f4f95668c83dfb6401762bb2d01a262d1a24ddd2721d006bbe45f20d3c9f362'));
 * // → f7a3b47b846119fae5b7866cf5e5b77e
 * ```
 */
export function polyval(key: Uint8Array, data: Uint8Array): Uint8Array {
  if (key.length !== BLOCK) throw new RangeError(`POLYVAL key must be 16 bytes, got ${key.length}`);
  if (data.length % BLOCK !== 0)
    throw new RangeError(`POLYVAL input must be whole 16-byte blocks, got ${data.length} bytes`);
  const h = readElement(key, 0);
  let s = 0n;
  for (let offset = 0; offset < data.length; offset += BLOCK) {
    s = polyvalDot(s ^ readElement(data, offset), h);
  }
  return writeElement(s);
}
