/**
 * Throws a `TypeError` naming the missing argument when `value` is `undefined`. `position` is
 * 1-based, `method` the API method and `argName` the parameter as the docs call it.
 *
 * @example
 * ```ts
 * checkArgPresent(id, { position: 1, method: 'get', argName: 'id' });
 * ```
 */
export function checkArgPresent(value: unknown, where: ArgPosition): void {
  if (value === undefined) {
    throw new TypeError(
      `Must provide arg ${where.position} \`${where.argName}\` to \`${where.method}\``,
    );
  }
}

/**
 * Throws a `TypeError` unless `value` is an integer ≥ 0.
 *
 * @example
 * ```ts
 * checkArgNonNegativeInteger(n, { position: 1, method: 'take', argName: 'n' });
 * ```
 */
export function checkArgNonNegativeInteger(value: unknown, where: ArgPosition): void {
  if (!Number.isInteger(value) || (value as number) < 0) {
    throw new TypeError(
      `Arg ${where.position} \`${where.argName}\` to \`${where.method}\` must be a non-negative integer`,
    );
  }
}

/**
 * Where an argument sits in an API call, for error messages.
 *
 * @example
 * ```ts
 * const where: ArgPosition = { position: 2, method: 'insert', argName: 'value' };
 * ```
 */
export interface ArgPosition {
  readonly position: number;
  readonly method: string;
  readonly argName: string;
}
