const scratch = new DataView(new ArrayBuffer(16));

/**
 * Compares two floats by the IEEE-754 total order (Rust `f64::total_cmp`), the order Convex uses:
 * −NaN < −Infinity < … < −0 < +0 < … < +Infinity < +NaN, NaNs ordered by their bits. Returns
 * -1, 0 or 1; 0 only for identical bit patterns.
 *
 * @example
 * ```ts
 * compareFloats(-0, 0); // -1
 * compareFloats(NaN, Infinity); // 1
 * ```
 */
export function compareFloats(a: number, b: number): -1 | 0 | 1 {
  if (a < b) return -1;
  if (a > b) return 1;
  // Equal non-zero numbers are the same float; zeros and NaNs need their bits.
  if (a === b && a !== 0) return 0;
  scratch.setFloat64(0, a);
  scratch.setFloat64(8, b);
  const highA = orderedHigh(0);
  const highB = orderedHigh(8);
  if (highA !== highB) return highA < highB ? -1 : 1;
  const lowA = orderedLow(0);
  const lowB = orderedLow(8);
  return lowA === lowB ? 0 : lowA < lowB ? -1 : 1;
}

/** The high 32 bits of the float at `offset`, transformed so that unsigned order is total order. */
function orderedHigh(offset: number): number {
  const high = scratch.getUint32(offset);
  return high >= 0x80000000 ? ~high >>> 0 : (high | 0x80000000) >>> 0;
}

/** The low 32 bits of the float at `offset`, transformed likewise. */
function orderedLow(offset: number): number {
  const low = scratch.getUint32(offset + 4);
  return scratch.getUint32(offset) >= 0x80000000 ? ~low >>> 0 : low;
}
