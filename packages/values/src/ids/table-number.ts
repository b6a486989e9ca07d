import { ValuesError } from '../errors/values-error.ts';

declare const tableNumberBrand: unique symbol;

/**
 * The number of a table, as stored in its document ids: an integer from 1 to 2^32 − 1. User tables
 * are numbered from 10001 up, system tables from 513 up. Made only by {@link makeTableNumber} (or
 * by parsing an id).
 *
 * @example
 * ```ts
 * const messages: TableNumber = makeTableNumber(10001);
 * ```
 */
export type TableNumber = number & { readonly [tableNumberBrand]: true };

/**
 * The largest table number (ids store it as a u32).
 *
 * @example
 * ```ts
 * MAX_TABLE_NUMBER; // 4294967295
 * ```
 */
export const MAX_TABLE_NUMBER = 0xffff_ffff;

/**
 * The first table number given to user tables.
 *
 * @example
 * ```ts
 * makeTableNumber(FIRST_USER_TABLE_NUMBER);
 * ```
 */
export const FIRST_USER_TABLE_NUMBER = 10001;

/**
 * Checks that `value` is a valid table number (an integer in 1 … 2^32 − 1) and brands it.
 *
 * @throws {ValuesError} code `InvalidId`.
 * @example
 * ```ts
 * makeTableNumber(10001); // 10001 as TableNumber
 * makeTableNumber(0); // throws: table number 0 is not valid…
 * ```
 */
export function makeTableNumber(value: number): TableNumber {
  if (!Number.isInteger(value) || value < 1 || value > MAX_TABLE_NUMBER) {
    throw new ValuesError(
      'InvalidId',
      `Table number ${value} is not valid: table numbers are integers from 1 to ${MAX_TABLE_NUMBER}.`,
    );
  }
  return value as TableNumber;
}
