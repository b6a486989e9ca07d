// The positional signatures (identifier, schedule, function, args) are the public API of
// convex/server's Crons, which apps call; they exceed STYLE.md's three-parameter habit.
/* eslint-disable max-params */
import { convexToJson, type Value } from '@selfhost/values';
import { getFunctionAddress } from '../api/function-address.ts';
import type { OptionalRestArgs } from '../api/function-reference.ts';
import { getFunctionName } from '../api/get-function-name.ts';
import { parseArgs } from '../args/parse-args.ts';
import type { SchedulableReference } from '../scheduler/scheduler.ts';
import {
  checkCronIdentifier,
  checkDayOfMonth,
  checkDayOfWeek,
  checkHourOfDay,
  checkIntervalNumber,
  checkOptionalMinute,
} from './cron-checks.ts';
import type { CronJob, Daily, Hourly, Interval, Monthly, Schedule, Weekly } from './schedule.ts';

// `crons.hourly(id, ref)` may leave out the schedule: the second argument is then the reference.
function isFunctionReference(candidate: unknown): boolean {
  try {
    getFunctionAddress(candidate);
    return true;
  } catch {
    return false;
  }
}

/**
 * The cron jobs of a deployment: the default export of `convex/crons.ts`. Each method registers a
 * job under a unique identifier; the host reads them with `export()` at push time.
 *
 * @example
 * ```ts
 * const crons = cronJobs();
 * crons.interval('clear presence', { minutes: 5 }, internal.presence.clear);
 * crons.daily('report', { hourUTC: 8, minuteUTC: 0 }, internal.reports.send, { to: 'team' });
 * export default crons;
 * ```
 */
export class Crons {
  /** The registered jobs by identifier. */
  readonly crons: Record<string, CronJob> = {};
  /** Marks the default export of `crons.js` for the host. */
  readonly isCrons = true as const;

  /** Registers a job with an already-built schedule. */
  schedule(
    cronIdentifier: string,
    schedule: Schedule,
    functionReference: SchedulableReference,
    args?: Record<string, Value>,
  ): void {
    const cronArgs = parseArgs(args);
    checkCronIdentifier(cronIdentifier);
    if (cronIdentifier in this.crons) {
      throw new Error(
        `Cron identifier registered twice: ${cronIdentifier}. Give each job its own identifier.`,
      );
    }
    this.crons[cronIdentifier] = {
      name: getFunctionName(functionReference),
      args: [convexToJson(cronArgs)],
      schedule,
    };
  }

  /** Runs the function every `seconds`, `minutes` or `hours` (exactly one). */
  interval<TReference extends SchedulableReference>(
    cronIdentifier: string,
    schedule: Interval,
    functionReference: TReference,
    ...args: OptionalRestArgs<TReference>
  ): void {
    const lengths = [schedule.seconds, schedule.minutes, schedule.hours].filter(
      (n) => n !== undefined,
    );
    const [length] = lengths;
    if (lengths.length !== 1 || length === undefined) {
      throw new Error(
        'Must specify exactly one of seconds, minutes, or hours, e.g. `{ minutes: 5 }`.',
      );
    }
    checkIntervalNumber(length);
    this.schedule(
      cronIdentifier,
      { ...schedule, type: 'interval' },
      functionReference,
      ...(args as [Record<string, Value>?]),
    );
  }

  /** Runs the function every hour, at `minuteUTC` (or a stable minute the backend picks). */
  hourly<TReference extends SchedulableReference>(
    cronIdentifier: string,
    functionReference: TReference,
    ...args: OptionalRestArgs<TReference>
  ): void;
  hourly<TReference extends SchedulableReference>(
    cronIdentifier: string,
    schedule: Hourly,
    functionReference: TReference,
    ...args: OptionalRestArgs<TReference>
  ): void;
  hourly(
    cronIdentifier: string,
    scheduleOrReference: Hourly | SchedulableReference,
    ...rest: unknown[]
  ): void {
    if (isFunctionReference(scheduleOrReference)) {
      this.schedule(
        cronIdentifier,
        { type: 'hourly' },
        scheduleOrReference as SchedulableReference,
        rest[0] as Record<string, Value>,
      );
      return;
    }
    const minuteUTC = checkOptionalMinute((scheduleOrReference as Hourly).minuteUTC);
    this.schedule(
      cronIdentifier,
      minuteUTC === undefined ? { type: 'hourly' } : { minuteUTC, type: 'hourly' },
      rest[0] as SchedulableReference,
      rest[1] as Record<string, Value>,
    );
  }

  /** Runs the function every day at `hourUTC:minuteUTC`. */
  daily<TReference extends SchedulableReference>(
    cronIdentifier: string,
    schedule: Daily,
    functionReference: TReference,
    ...args: OptionalRestArgs<TReference>
  ): void {
    const hourUTC = checkHourOfDay(schedule.hourUTC);
    const minuteUTC = checkOptionalMinute(schedule.minuteUTC);
    this.schedule(
      cronIdentifier,
      minuteUTC === undefined ? { hourUTC, type: 'daily' } : { hourUTC, minuteUTC, type: 'daily' },
      functionReference,
      ...(args as [Record<string, Value>?]),
    );
  }

  /** Runs the function every week on `dayOfWeek` at `hourUTC:minuteUTC`. */
  weekly<TReference extends SchedulableReference>(
    cronIdentifier: string,
    schedule: Weekly,
    functionReference: TReference,
    ...args: OptionalRestArgs<TReference>
  ): void {
    const dayOfWeek = checkDayOfWeek(schedule.dayOfWeek);
    const hourUTC = checkHourOfDay(schedule.hourUTC);
    const minuteUTC = checkOptionalMinute(schedule.minuteUTC);
    this.schedule(
      cronIdentifier,
      minuteUTC === undefined
        ? { dayOfWeek, hourUTC, type: 'weekly' }
        : { dayOfWeek, hourUTC, minuteUTC, type: 'weekly' },
      functionReference,
      ...(args as [Record<string, Value>?]),
    );
  }

  /** Runs the function every month on `day` at `hourUTC:minuteUTC`. */
  monthly<TReference extends SchedulableReference>(
    cronIdentifier: string,
    schedule: Monthly,
    functionReference: TReference,
    ...args: OptionalRestArgs<TReference>
  ): void {
    const day = checkDayOfMonth(schedule.day);
    const hourUTC = checkHourOfDay(schedule.hourUTC);
    const minuteUTC = checkOptionalMinute(schedule.minuteUTC);
    this.schedule(
      cronIdentifier,
      minuteUTC === undefined
        ? { day, hourUTC, type: 'monthly' }
        : { day, hourUTC, minuteUTC, type: 'monthly' },
      functionReference,
      ...(args as [Record<string, Value>?]),
    );
  }

  /** Runs the function on a 5-field UTC cron expression, e.g. `"0 9 * * 1-5"`. */
  cron<TReference extends SchedulableReference>(
    cronIdentifier: string,
    cron: string,
    functionReference: TReference,
    ...args: OptionalRestArgs<TReference>
  ): void {
    this.schedule(
      cronIdentifier,
      { cron, type: 'cron' },
      functionReference,
      ...(args as [Record<string, Value>?]),
    );
  }

  /** The JSON text the host reads at push time: identifier → job. */
  export(): string {
    return JSON.stringify(this.crons);
  }
}

/**
 * Creates an empty {@link Crons}.
 *
 * @example
 * ```ts
 * const crons = cronJobs();
 * ```
 */
export const cronJobs = (): Crons => new Crons();
