import type ivm from 'isolated-vm';
import type { ExecutionRequest } from '@selfhost/udf-runtime';
import { classifyIsolateFailure } from '../isolates/isolate-failure.ts';
import { ModuleLoadError, type PreparedContext } from '../isolates/prepared-context.ts';
import type { IsolateSlot } from '../isolates/isolate-slot.ts';
import type { ExecutionEnv } from './execution-env.ts';
import { InFlightOps } from './in-flight-ops.ts';
import { OpDispatcher } from './op-dispatcher.ts';
import { StepReports } from './step-reports.ts';
import type { RunOutcome } from './run-types.ts';
import type { TimeBudget } from './time-budget.ts';

/**
 * One function execution in one context (fresh, or kept from the module's last clean run).
 *
 * @example
 * ```ts
 * const job: ContextJob = { context, slot, request, env, budget, memoryLimitMb: 64 };
 * ```
 * @internal
 */
export interface ContextJob {
  readonly context: PreparedContext;
  readonly slot: IsolateSlot;
  readonly request: ExecutionRequest;
  readonly env: ExecutionEnv;
  readonly budget: TimeBudget;
  readonly memoryLimitMb: number;
  /** Where the context is kept when a query or mutation leaves it clean (`keptContextKey`). */
  readonly keptKey?: string | undefined;
}

/** Ends the execution with the function's error (a limit, or an error of the isolate). */
class LimitReached extends Error {
  readonly outcome: RunOutcome;
  constructor(outcome: RunOutcome) {
    super(outcome.status === 'error' ? outcome.errorMessage : 'limit');
    this.outcome = outcome;
  }
}

function durationLabel(ms: number): string {
  return ms % 1000 === 0 ? `${ms / 1000}s` : `${ms}ms`;
}

function timeoutOutcome(budget: TimeBudget): RunOutcome {
  return { status: 'error', errorMessage: `Function execution timed out (maximum duration: ${durationLabel(budget.limitMs)})` };
}

/**
 * Calls into the isolate; turns limit failures into the function's error (and marks the
 * isolate for replacement), so the caller never sees isolated-vm's own messages.
 */
function guarded<TResult>(job: ContextJob, call: (timeoutMs: number) => TResult): TResult {
  if (job.budget.exhausted()) {
    job.slot.poison();
    throw new LimitReached(timeoutOutcome(job.budget));
  }
  try {
    return job.budget.track(() => call(job.budget.remainingMs()));
  } catch (error) {
    if (error instanceof ModuleLoadError || error instanceof LimitReached) throw error;
    const failure = classifyIsolateFailure(error, job.slot.isolate);
    switch (failure.kind) {
      case 'timeout':
        job.slot.poison();
        throw new LimitReached(timeoutOutcome(job.budget));
      case 'memory':
        job.slot.poison();
        throw new LimitReached({
          status: 'error',
          errorMessage: `JavaScript execution ran out of memory (maximum memory usage: ${job.memoryLimitMb} MB)`,
        });
      case 'script':
        throw new LimitReached({ status: 'error', errorMessage: `Uncaught ${failure.stack}` });
    }
  }
}

function throwSystemFailure(dispatcher: OpDispatcher): void {
  const failure = dispatcher.systemFailure;
  if (failure !== undefined) throw failure.error;
}

async function driveSequentially(job: ContextJob, dispatcher: OpDispatcher, reports: StepReports): Promise<RunOutcome> {
  for (;;) {
    throwSystemFailure(dispatcher);
    const finished = reports.finished();
    if (finished !== null) return finished;
    const ops = reports.takeOps();
    if (ops.length === 0) return neverFinished();
    let results = '';
    for (const op of ops) results += await dispatcher.perform(op);
    throwSystemFailure(dispatcher);
    guarded(job, (timeout) => job.context.resume(results, timeout));
  }
}

async function driveConcurrently(job: ContextJob, dispatcher: OpDispatcher, reports: StepReports): Promise<RunOutcome> {
  const deadline = performance.now() + job.budget.remainingMs();
  const inFlight = new InFlightOps();
  for (;;) {
    throwSystemFailure(dispatcher);
    const finished = reports.finished();
    if (finished !== null) return finished;
    for (const op of reports.takeOps()) inFlight.add(dispatcher.perform(op));
    const { timer } = reports;
    if (inFlight.running === 0 && !inFlight.hasCompleted && timer === null) return neverFinished();
    const reason = await inFlight.waitForAny(timer, deadline);
    throwSystemFailure(dispatcher);
    if (reason === 'deadline') {
      job.slot.poison();
      return timeoutOutcome(job.budget);
    }
    if (inFlight.hasCompleted) {
      const results = inFlight.takeCompleted();
      guarded(job, (timeout) => job.context.resume(results, timeout));
    }
    if (reason === 'timer' || (reports.timer !== null && reports.timer <= Date.now())) {
      guarded(job, (timeout) => job.context.fireTimers(timeout));
    }
  }
}

function neverFinished(): RunOutcome {
  return {
    status: 'error',
    errorMessage: 'The function did not finish: it is waiting for a promise that nothing will ever resolve.',
  };
}

/**
 * Runs one function in a context: imports its module, starts it, then alternates between
 * the isolate (start / resume / fire timers, each one synchronous `applySync`, during which
 * the function reports its outcome or the operations it waits for) and the host (syscalls). Queries and mutations perform their syscalls one at a time in order; actions
 * run them concurrently with their timers. The context is disposed afterwards, or kept for the
 * module's next execution when a query or mutation reported it clean.
 *
 * Limits: every call into the isolate gets the remaining budget as its timeout; a timeout
 * or an exhausted heap becomes the function's error and poisons the isolate (the pool
 * replaces it). System failures of syscalls are rethrown.
 *
 * @example
 * ```ts
 * const outcome = await executeInContext(job);
 * ```
 * @internal
 */
export async function executeInContext(job: ContextJob): Promise<RunOutcome> {
  const { context, env, request } = job;
  const dispatcher = new OpDispatcher(env);
  const reports = new StepReports();
  let reuse = false;
  context.host.attach({ syscall: dispatcher.syncSyscall, log: (level, messages) => env.logs.add(level, messages), report: reports.report });
  try {
    const namespace: ivm.Reference<unknown> = guarded(job, (timeout) => context.namespaceOf(request.modulePath, timeout));
    guarded(job, (timeout) => context.start(JSON.stringify(request), namespace, timeout));
    if (request.udfType === 'action' || request.udfType === 'httpAction') return await driveConcurrently(job, dispatcher, reports);
    const outcome = await driveSequentially(job, dispatcher, reports);
    reuse = reports.reusable && dispatcher.systemFailure === undefined && !job.budget.exhausted() && job.slot.healthy;
    return outcome;
  } catch (error) {
    if (error instanceof LimitReached) return error.outcome;
    if (error instanceof ModuleLoadError) return { status: 'error', errorMessage: error.message };
    throw error;
  } finally {
    for (const stream of env.queryStreams.values()) stream.close();
    env.queryStreams.clear();
    if (reuse && env.transaction !== undefined && job.keptKey !== undefined) {
      job.slot.keepContext(job.keptKey, context, env.transaction.readDependencies());
    } else {
      context.dispose();
    }
  }
}
