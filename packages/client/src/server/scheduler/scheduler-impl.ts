import { convexToJson, type GenericId, type Value } from '@selfhost/values';
import { checkArgPresent } from '../args/check-arg.ts';
import { performAsyncSyscall } from '../syscall/perform-async-syscall.ts';
import { runAfterArgs, runAtArgs } from './schedule-args.ts';
import type { Scheduler } from './scheduler.ts';

type ScheduledId = GenericId<'_scheduled_functions'>;

/**
 * The `ctx.scheduler` of a mutation (`1.0/schedule`, `1.0/cancel_job`).
 *
 * @example
 * ```ts
 * await createMutationScheduler().runAfter(0, internal.jobs.run, {});
 * ```
 */
export function createMutationScheduler(): Scheduler {
  return Object.freeze({
    runAfter: async (delayMs: number, reference: unknown, args?: Record<string, Value>) =>
      (await performAsyncSyscall(
        '1.0/schedule',
        runAfterArgs(delayMs, reference, args),
      )) as ScheduledId,
    runAt: async (timestamp: number | Date, reference: unknown, args?: Record<string, Value>) =>
      (await performAsyncSyscall(
        '1.0/schedule',
        runAtArgs(timestamp, reference, args),
      )) as ScheduledId,
    cancel: async (id: ScheduledId) => {
      checkArgPresent(id, { position: 1, method: 'cancel', argName: 'id' });
      await performAsyncSyscall('1.0/cancel_job', { id: convexToJson(id) });
    },
  }) as Scheduler;
}

/**
 * The `ctx.scheduler` of an action (`1.0/actions/schedule`, `1.0/actions/cancel_job`), which
 * also forwards the request id.
 *
 * @example
 * ```ts
 * await createActionScheduler(requestId).runAt(Date.now() + 60_000, internal.jobs.run, {});
 * ```
 */
export function createActionScheduler(requestId: string): Scheduler {
  return Object.freeze({
    runAfter: async (delayMs: number, reference: unknown, args?: Record<string, Value>) =>
      (await performAsyncSyscall('1.0/actions/schedule', {
        requestId,
        ...runAfterArgs(delayMs, reference, args),
      })) as ScheduledId,
    runAt: async (timestamp: number | Date, reference: unknown, args?: Record<string, Value>) =>
      (await performAsyncSyscall('1.0/actions/schedule', {
        requestId,
        ...runAtArgs(timestamp, reference, args),
      })) as ScheduledId,
    cancel: async (id: ScheduledId) => {
      checkArgPresent(id, { position: 1, method: 'cancel', argName: 'id' });
      // The action form resolves with the host's answer (`null`), like convex/server's.
      return (await performAsyncSyscall('1.0/actions/cancel_job', {
        requestId,
        id: convexToJson(id),
      })) as undefined;
    },
  }) as Scheduler;
}
