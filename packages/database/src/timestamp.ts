// The one file that knows what a database timestamp is: @selfhost/protocol's branded
// `Timestamp` (u64 ns ≤ i64 max, compat §1.9), so the sync engine and HTTP layer use the very
// values the database hands out, plus the wall clock the committer reads.
export { MAX_TIMESTAMP, makeTimestamp, type Timestamp } from '@selfhost/protocol';

/**
 * Wall-clock nanoseconds since the epoch (sub-millisecond from the monotonic clock).
 *
 * @example
 * ```ts
 * const now = wallClockNs();
 * ```
 */
export function wallClockNs(): bigint {
  const ms = performance.timeOrigin + performance.now();
  return BigInt(Math.floor(ms)) * 1_000_000n + BigInt(Math.floor((ms % 1) * 1_000_000));
}
