/**
 * What the in-isolate driver tells the host during a step. It is pushed through the host's
 * `report` callback while the step runs (microtasks included), so after each call into the
 * context the host already knows the outcome or the work pending, without polling:
 *
 * - `op` (id, name, args JSON): the function started a host operation;
 * - `done` (result Convex-JSON text, then {@link REUSABLE_MARK} or nothing): the function
 *   returned; the mark says the context may run the next execution of the same module;
 * - `error` (JSON of a {@link SerializedUserError}): the function threw (a developer error);
 * - `fatal` (JSON of a {@link SerializedUserError}): an error the function cannot catch
 *   (it wins over `done` and `error`);
 * - `timer` (epoch ms or `null`): the earliest action timer changed.
 *
 * The runtime only reports while a function executes (calls the host makes synchronously
 * from its own thread), never while modules are imported (see the runtime's `host.ts`).
 *
 * @example
 * ```ts
 * const kind: DriverReport = 'done';
 * ```
 */
export type DriverReport = 'op' | 'done' | 'error' | 'fatal' | 'timer';

/**
 * The second argument of a `done` report when the context is fit for reuse: a query or
 * mutation that left no host operation pending and changed neither the global object nor
 * the common intrinsics.
 *
 * @example
 * ```ts
 * report('done', '1', REUSABLE_MARK);
 * ```
 */
export const REUSABLE_MARK = 'reusable';

/**
 * A developer error as the isolate reports it.
 *
 * @example
 * ```ts
 * const error: SerializedUserError = { message: 'Uncaught Error: boom\n    at handler (../convex/a.ts:1:1)' };
 * ```
 */
export interface SerializedUserError {
  /** The full user-visible error string (`Uncaught Error: boom` + stack frames). */
  readonly message: string;
  /** Convex-JSON text of a `ConvexError`'s data. */
  readonly data?: string;
}

/**
 * One host operation: a Convex async syscall (`1.0/…`) or a runtime operation (`$fetch`, …).
 *
 * @example
 * ```ts
 * const op: PendingOp = { i: 7, o: '1.0/queryStreamNext', a: '{"queryId":1}' };
 * ```
 */
export interface PendingOp {
  /** Operation id, echoed in the result. */
  readonly i: number;
  /** Operation name. */
  readonly o: string;
  /** The arguments as the function passed them: JSON text (not validated by the isolate). */
  readonly a: string;
}
