import { DAYS_OF_WEEK, type DayOfWeek } from './schedule.ts';

function checkInteger(
  value: number,
  range: { readonly min: number; readonly max: number },
  what: string,
): number {
  if (!Number.isInteger(value) || value < range.min || value > range.max) {
    throw new Error(
      `${what} must be an integer from ${range.min} to ${range.max}, received ${String(value)}.`,
    );
  }
  return value;
}

/**
 * Checks an interval length (a positive integer).
 *
 * @example
 * ```ts
 * checkIntervalNumber(5);
 * ```
 */
export function checkIntervalNumber(n: number): void {
  if (!Number.isInteger(n) || n <= 0)
    throw new Error(`Interval must be an integer greater than 0, received ${String(n)}.`);
}

/**
 * Checks a day of the month (1–31).
 *
 * @example
 * ```ts
 * checkDayOfMonth(31); // 31
 * ```
 */
export function checkDayOfMonth(n: number): number {
  return checkInteger(n, { min: 1, max: 31 }, 'Day of month');
}

/**
 * Checks a day of the week (`"monday"` …).
 *
 * @example
 * ```ts
 * checkDayOfWeek('monday'); // 'monday'
 * ```
 */
export function checkDayOfWeek(day: string): DayOfWeek {
  if (!DAYS_OF_WEEK.includes(day as DayOfWeek)) {
    throw new Error(
      `Day of week must be a lower-case day name like "monday", received ${JSON.stringify(day)}.`,
    );
  }
  return day as DayOfWeek;
}

/**
 * Checks an hour of the day (0–23).
 *
 * @example
 * ```ts
 * checkHourOfDay(23); // 23
 * ```
 */
export function checkHourOfDay(n: number): number {
  return checkInteger(n, { min: 0, max: 23 }, 'Hour of day');
}

/**
 * Checks an optional minute of the hour (0–59); `undefined` lets the backend pick one.
 *
 * @example
 * ```ts
 * checkOptionalMinute(undefined); // undefined
 * ```
 */
export function checkOptionalMinute(n: number | undefined): number | undefined {
  return n === undefined ? undefined : checkInteger(n, { min: 0, max: 59 }, 'Minute of hour');
}

/**
 * Checks a cron identifier: printable ASCII only.
 *
 * @example
 * ```ts
 * checkCronIdentifier('clear messages'); // ok
 * ```
 */
export function checkCronIdentifier(identifier: string): void {
  if (!/^[ -~]*$/.test(identifier)) {
    throw new Error(`Invalid cron identifier ${identifier}: use printable ASCII characters only.`);
  }
}
