// Invariant helpers (STYLE.md habit 25): a failed assert is a bug in this package, never user input.

/**
 * Throws if `condition` is false. Use for internal invariants only; user mistakes get a
 * {@link DatabaseError} instead.
 *
 * @internal
 * @example
 * ```ts
 * assert(page.length <= limit, 'driver returned more rows than asked for');
 * ```
 */
export function assert(condition: unknown, message: string): asserts condition {
  if (!condition) throw new Error(`Assertion failed: ${message}`);
}

/**
 * Returns `value`, throwing if it is `undefined` or `null`.
 *
 * @internal
 * @example
 * ```ts
 * const table = must(catalog.tableByNumber(n), `table ${n}`);
 * ```
 */
export function must<TValue>(value: TValue | undefined | null, what = 'value'): TValue {
  if (value === undefined || value === null) throw new Error(`Assertion failed: missing ${what}`);
  return value;
}

/**
 * Marks a branch that the type checker proves unreachable (exhaustive switches, habit 20).
 *
 * @internal
 * @example
 * ```ts
 * default: unreachable(order);
 * ```
 */
export function unreachable(value: never): never {
  throw new Error(`Assertion failed: unreachable value ${String(value)}`);
}
