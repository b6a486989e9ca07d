const scratch = new Float64Array(1);
const bits = new BigUint64Array(scratch.buffer);

/**
 * The next representable double above a positive finite `x` (Rust's `f64::next_up`): each insert
 * of a transaction takes the next one, so `_creationTime` is unique and increasing within it.
 *
 * @example
 * ```ts
 * nextUp(1) > 1; // true, and nothing lies between them
 * ```
 */
export function nextUp(x: number): number {
  scratch[0] = x;
  bits[0] = bits[0]! + 1n;
  return scratch[0];
}

/**
 * `_creationTime` base of a transaction: its begin ts in ms (semantics §1.1).
 *
 * @example
 * ```ts
 * creationTimeBase(1_700_000_000_000_000_000n); // 1_700_000_000_000
 * ```
 */
export function creationTimeBase(beginTsNs: bigint): number {
  return Number(beginTsNs / 1000n) / 1000;
}
