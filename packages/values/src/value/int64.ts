/**
 * The smallest Int64, −2^63.
 *
 * @example
 * ```ts
 * MIN_INT64 === -(2n ** 63n); // true
 * ```
 */
export const MIN_INT64 = -(2n ** 63n);

/**
 * The largest Int64, 2^63 − 1. The commit-timestamp placeholder sorts as this value.
 *
 * @example
 * ```ts
 * MAX_INT64 === 2n ** 63n - 1n; // true
 * ```
 */
export const MAX_INT64 = 2n ** 63n - 1n;

/**
 * Whether `value` is a `bigint` that fits in a signed 64-bit integer.
 *
 * @example
 * ```ts
 * isInt64(5n); // true
 * isInt64(2n ** 63n); // false
 * ```
 */
export function isInt64(value: unknown): value is bigint {
  return typeof value === 'bigint' && value >= MIN_INT64 && value <= MAX_INT64;
}
