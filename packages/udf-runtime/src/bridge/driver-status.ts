/**
 * What the in-isolate driver reports after each step. It crosses the boundary as a string
 * whose first character is the kind, so a result is never JSON-encoded twice:
 *
 * - `D` + the result's Convex-JSON text: the function returned.
 * - `E` + JSON of a {@link SerializedUserError}: the function threw (a developer error).
 * - `P` + JSON of a {@link PendingWork}: the function waits on host operations or timers.
 *
 * @example
 * ```ts
 * parseDriverStatus('D{"a":1}'); // { kind: 'done', resultJson: '{"a":1}' }
 * ```
 */
export type DriverStatus =
  | { readonly kind: 'done'; readonly resultJson: string }
  | { readonly kind: 'error'; readonly error: SerializedUserError }
  | { readonly kind: 'pending'; readonly work: PendingWork };

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
 * Host operations an execution started since the last step, and its next timer.
 *
 * @example
 * ```ts
 * const work: PendingWork = { ops: [{ i: 1, o: '1.0/get', a: '{"id":"x"}' }], timer: null, inFlight: 1 };
 * ```
 */
export interface PendingWork {
  /** New operations, in the order the function started them. */
  readonly ops: readonly PendingOp[];
  /** Due time (ms since the epoch) of the earliest timer, or `null`. */
  readonly timer: number | null;
  /** How many operations the isolate still waits for (new ones included). */
  readonly inFlight: number;
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

/**
 * Decodes the string the driver returns.
 *
 * @example
 * ```ts
 * parseDriverStatus('P{"ops":[],"timer":null,"inFlight":0}').kind; // 'pending'
 * ```
 */
export function parseDriverStatus(text: string): DriverStatus {
  const kind = text.charAt(0);
  const body = text.slice(1);
  switch (kind) {
    case 'D':
      return { kind: 'done', resultJson: body };
    case 'E':
      return { kind: 'error', error: JSON.parse(body) as SerializedUserError };
    case 'P':
      return { kind: 'pending', work: JSON.parse(body) as PendingWork };
    default:
      throw new Error(`Malformed driver status ${JSON.stringify(text.slice(0, 40))}`);
  }
}
