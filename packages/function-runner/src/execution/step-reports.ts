import { REUSABLE_MARK, type DriverReport, type PendingOp, type SerializedUserError } from '@selfhost/udf-runtime';
import type { RunOutcome } from './run-types.ts';

const CORRUPTED: RunOutcome = Object.freeze({ status: 'error', errorMessage: 'Uncaught Error: The function corrupted the runtime state of its execution' });

function errorOutcome(json: unknown): RunOutcome {
  try {
    const error = JSON.parse(String(json)) as SerializedUserError;
    if (typeof error.message !== 'string') return CORRUPTED;
    return typeof error.data === 'string' ? { status: 'error', errorMessage: error.message, errorData: error.data } : { status: 'error', errorMessage: error.message };
  } catch {
    // Only user code tampering with its own context can garble the runtime's report.
    return CORRUPTED;
  }
}

/**
 * What the function reported while the host's calls into its context ran (the runtime pushes
 * it through the `report` callback, so no call is spent asking): its outcome, an uncatchable
 * failure (which wins over the outcome), the host operations it started, and the due time of
 * its earliest timer (actions).
 *
 * @example
 * ```ts
 * const reports = new StepReports();
 * reports.report('done', '1', undefined, undefined);
 * reports.finished(); // { status: 'success', value: '1' }
 * ```
 * @internal
 */
export class StepReports {
  #outcome: RunOutcome | null = null;
  #fatal: RunOutcome | null = null;
  #ops: PendingOp[] = [];
  /** Due time (epoch ms) of the earliest timer, or `null`. */
  timer: number | null = null;
  /** The function returned and its context may run the next execution of its module. */
  reusable = false;

  /** `ExecutionSink.report`. */
  // eslint-disable-next-line max-params -- the isolate boundary ABI: positional primitives cross without allocating an object per report
  readonly report = (kind: DriverReport, first: unknown, second: unknown, third: unknown): void => {
    switch (kind) {
      case 'op':
        this.#ops.push({ i: Number(first), o: String(second), a: String(third) });
        return;
      case 'done':
        if (this.#outcome === null) {
          this.#outcome = { status: 'success', value: String(first) };
          this.reusable = second === REUSABLE_MARK;
        }
        return;
      case 'error':
        this.#outcome ??= errorOutcome(first);
        return;
      case 'fatal':
        this.#fatal ??= errorOutcome(first);
        return;
      case 'timer':
        this.timer = typeof first === 'number' ? first : null;
        return;
      default:
        return;
    }
  };

  /** The outcome once the function finished (an uncatchable failure first). */
  finished(): RunOutcome | null {
    return this.#fatal ?? this.#outcome;
  }

  /** The operations reported since the last call, in the order the function started them. */
  takeOps(): PendingOp[] {
    const ops = this.#ops;
    if (ops.length > 0) this.#ops = [];
    return ops;
  }
}
