import type { GenericId } from '@selfhost/values';
import type {
  FunctionReference,
  FunctionReference_future,
  OptionalRestArgs,
} from '../api/function-reference.ts';

/**
 * A reference to a function the scheduler can run: a mutation or an action.
 *
 * @example
 * ```ts
 * const job: SchedulableFunctionReference = internal.emails.send;
 * ```
 */
export type SchedulableFunctionReference = FunctionReference<
  'mutation' | 'action',
  'public' | 'internal'
>;

/**
 * What the scheduling methods (and crons) accept: a plain or a `_future` reference to a mutation
 * or action. Kept apart from {@link SchedulableFunctionReference}, which stays a plain reference.
 *
 * @example
 * ```ts
 * const target: SchedulableReference = internal.jobs.run;
 * ```
 */
export type SchedulableReference =
  | SchedulableFunctionReference
  | FunctionReference_future<'mutation' | 'action', 'public' | 'internal'>;

/**
 * Schedules functions to run later (`ctx.scheduler`). From a mutation, jobs exist only if the
 * mutation commits; from an action, they are created immediately.
 *
 * @example
 * ```ts
 * await ctx.scheduler.runAfter(5_000, internal.emails.send, { to });
 * ```
 */
export interface Scheduler {
  /** Runs the function `delayMs` milliseconds from now. */
  runAfter<TReference extends SchedulableReference>(
    delayMs: number,
    functionReference: TReference,
    ...args: OptionalRestArgs<TReference>
  ): Promise<GenericId<'_scheduled_functions'>>;
  /** Runs the function at `timestamp` (a `Date`, or milliseconds since the epoch). */
  runAt<TReference extends SchedulableReference>(
    timestamp: number | Date,
    functionReference: TReference,
    ...args: OptionalRestArgs<TReference>
  ): Promise<GenericId<'_scheduled_functions'>>;
  /** Cancels a scheduled function that has not started yet. */
  cancel(id: GenericId<'_scheduled_functions'>): Promise<void>;
}
