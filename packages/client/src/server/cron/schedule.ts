import type { JSONValue } from '@selfhost/values';

/**
 * The days a weekly cron job can run on.
 *
 * @example
 * ```ts
 * DAYS_OF_WEEK.includes('monday'); // true
 * ```
 */
export const DAYS_OF_WEEK = Object.freeze([
  'sunday',
  'monday',
  'tuesday',
  'wednesday',
  'thursday',
  'friday',
  'saturday',
] as const);

/**
 * A day of the week, in lower case.
 *
 * @example
 * ```ts
 * const day: DayOfWeek = 'friday';
 * ```
 */
export type DayOfWeek = (typeof DAYS_OF_WEEK)[number];

/**
 * A schedule given as a 5-field UTC cron expression.
 *
 * @example
 * ```ts
 * const s: CronSchedule = { type: 'cron', cron: '0 * * * *' };
 * ```
 */
export type CronSchedule = { type: 'cron'; cron: string };

/**
 * A fixed interval, anchored at deploy time.
 *
 * @example
 * ```ts
 * const s: IntervalSchedule = { type: 'interval', minutes: 5 };
 * ```
 */
export type IntervalSchedule =
  | { type: 'interval'; seconds: number }
  | { type: 'interval'; minutes: number }
  | { type: 'interval'; hours: number };

/**
 * Every hour, at `minuteUTC` (or a stable minute the backend picks).
 *
 * @example
 * ```ts
 * const s: HourlySchedule = { type: 'hourly', minuteUTC: 30 };
 * ```
 */
export type HourlySchedule = { type: 'hourly'; minuteUTC?: number };

/**
 * Every day at `hourUTC:minuteUTC`.
 *
 * @example
 * ```ts
 * const s: DailySchedule = { type: 'daily', hourUTC: 3 };
 * ```
 */
export type DailySchedule = { type: 'daily'; hourUTC: number; minuteUTC?: number };

/**
 * Every week on `dayOfWeek` at `hourUTC:minuteUTC`.
 *
 * @example
 * ```ts
 * const s: WeeklySchedule = { type: 'weekly', dayOfWeek: 'monday', hourUTC: 9 };
 * ```
 */
export type WeeklySchedule = {
  type: 'weekly';
  dayOfWeek: DayOfWeek;
  hourUTC: number;
  minuteUTC?: number;
};

/**
 * Every month on `day` at `hourUTC:minuteUTC` (months without that day are skipped).
 *
 * @example
 * ```ts
 * const s: MonthlySchedule = { type: 'monthly', day: 1, hourUTC: 0 };
 * ```
 */
export type MonthlySchedule = { type: 'monthly'; day: number; hourUTC: number; minuteUTC?: number };

/**
 * Any cron schedule, as exported to the backend (compat spec §4.5).
 *
 * @example
 * ```ts
 * const s: Schedule = { type: 'hourly' };
 * ```
 */
export type Schedule =
  | CronSchedule
  | IntervalSchedule
  | HourlySchedule
  | DailySchedule
  | WeeklySchedule
  | MonthlySchedule;

/**
 * The interval argument of `crons.interval`: exactly one of seconds, minutes or hours.
 *
 * @example
 * ```ts
 * crons.interval('sync', { minutes: 15 }, internal.sync.run);
 * ```
 */
export type Interval =
  | { /** Seconds between runs. */ seconds: number; minutes?: undefined; hours?: undefined }
  | { /** Minutes between runs. */ minutes: number; seconds?: undefined; hours?: undefined }
  | { /** Hours between runs. */ hours: number; seconds?: undefined; minutes?: undefined };

/**
 * The schedule argument of `crons.hourly`.
 *
 * @example
 * ```ts
 * crons.hourly('cleanup', { minuteUTC: 0 }, internal.cleanup.run);
 * ```
 */
export type Hourly = {
  /** 0–59; omitted, the backend picks a stable minute. */
  minuteUTC?: number;
};

/**
 * The schedule argument of `crons.daily`.
 *
 * @example
 * ```ts
 * crons.daily('report', { hourUTC: 17, minuteUTC: 30 }, internal.report.send);
 * ```
 */
export type Daily = {
  /** 0–23 */
  hourUTC: number;
  /** 0–59; omitted, the backend picks a stable minute. */
  minuteUTC?: number;
};

/**
 * The schedule argument of `crons.monthly`.
 *
 * @example
 * ```ts
 * crons.monthly('invoice', { day: 1, hourUTC: 0 }, internal.billing.invoice);
 * ```
 */
export type Monthly = {
  /** 1–31 */
  day: number;
  /** 0–23 */
  hourUTC: number;
  /** 0–59; omitted, the backend picks a stable minute. */
  minuteUTC?: number;
};

/**
 * The schedule argument of `crons.weekly`.
 *
 * @example
 * ```ts
 * crons.weekly('digest', { dayOfWeek: 'monday', hourUTC: 8 }, internal.digest.send);
 * ```
 */
export type Weekly = {
  dayOfWeek: DayOfWeek;
  /** 0–23 */
  hourUTC: number;
  /** 0–59; omitted, the backend picks a stable minute. */
  minuteUTC?: number;
};

/**
 * One cron job as exported: the function path, its arguments (a one-element array of
 * Convex-JSON) and the schedule.
 *
 * @example
 * ```ts
 * const job: CronJob = { name: 'jobs:cleanup', args: [{}], schedule: { type: 'hourly' } };
 * ```
 */
export interface CronJob {
  name: string;
  args: JSONValue;
  schedule: Schedule;
}
