import type ivm from 'isolated-vm';
import { parseDriverStatus, type DriverStatus, type ExecutionRequest } from '@selfhost/udf-runtime';
import { classifyIsolateFailure } from '../isolates/isolate-failure.ts';
import { ModuleLoadError, type PreparedContext } from '../isolates/prepared-context.ts';
import type { IsolateSlot } from '../isolates/isolate-slot.ts';
import type { ExecutionEnv } from './execution-env.ts';
import { InFlightOps } from './in-flight-ops.ts';
import { OpDispatcher } from './op-dispatcher.ts';
import type { RunOutcome } from './run-types.ts';
import type { TimeBudget } from './time-budget.ts';

/**
 * One function execution in one fresh context.
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

function step(job: ContextJob, dispatcher: OpDispatcher): DriverStatus {
  const text = guarded(job, (timeout) => job.context.poll(timeout));
  throwSystemFailure(dispatcher);
  try {
    return parseDriverStatus(text);
  } catch {
    // Only user code tampering with its own context can garble the driver's report.
    throw new LimitReached({ status: 'error', errorMessage: 'Uncaught Error: The function corrupted the runtime state of its execution' });
  }
}

async function driveSequentially(job: ContextJob, dispatcher: OpDispatcher): Promise<RunOutcome> {
  for (;;) {
    const status = step(job, dispatcher);
    if (status.kind === 'done') return { status: 'success', value: status.resultJson };
    if (status.kind === 'error') return errorOutcome(status.error.message, status.error.data);
    const { ops } = status.work;
    if (ops.length === 0) return neverFinished();
    let results = '';
    for (const op of ops) results += await dispatcher.perform(op);
    throwSystemFailure(dispatcher);
    guarded(job, (timeout) => job.context.resume(results, timeout));
  }
}

async function driveConcurrently(job: ContextJob, dispatcher: OpDispatcher, deadline: number): Promise<RunOutcome> {
  const inFlight = new InFlightOps();
  for (;;) {
    const status = step(job, dispatcher);
    if (status.kind === 'done') return { status: 'success', value: status.resultJson };
    if (status.kind === 'error') return errorOutcome(status.error.message, status.error.data);
    for (const op of status.work.ops) inFlight.add(dispatcher.perform(op));
    const timer = status.work.timer;
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
    if (reason === 'timer' || (timer !== null && timer <= Date.now())) {
      guarded(job, (timeout) => job.context.fireTimers(timeout));
    }
  }
}

function errorOutcome(message: string, data: string | undefined): RunOutcome {
  return data === undefined ? { status: 'error', errorMessage: message } : { status: 'error', errorMessage: message, errorData: data };
}

function neverFinished(): RunOutcome {
  return {
    status: 'error',
    errorMessage: 'The function did not finish: it is waiting for a promise that nothing will ever resolve.',
  };
}

/**
 * Runs one function in a context: imports its module, starts it, then alternates between
 * the isolate (poll / resume / fire timers, each a synchronous `applySync`) and the host
 * (syscalls). Queries and mutations perform their syscalls one at a time in order; actions
 * run them concurrently with their timers. The context is disposed afterwards.
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
  context.host.attach({ syscall: dispatcher.syncSyscall, log: (level, messages) => env.logs.add(level, messages) });
  try {
    const namespace: ivm.Reference<unknown> = guarded(job, (timeout) => context.namespaceOf(request.modulePath, timeout));
    guarded(job, (timeout) => context.start(JSON.stringify(request), namespace, timeout));
    const concurrent = request.udfType === 'action' || request.udfType === 'httpAction';
    return concurrent ? await driveConcurrently(job, dispatcher, performance.now() + job.budget.remainingMs()) : await driveSequentially(job, dispatcher);
  } catch (error) {
    if (error instanceof LimitReached) return error.outcome;
    if (error instanceof ModuleLoadError) return { status: 'error', errorMessage: error.message };
    throw error;
  } finally {
    for (const stream of env.queryStreams.values()) stream.close();
    env.queryStreams.clear();
    context.dispose();
  }
}
