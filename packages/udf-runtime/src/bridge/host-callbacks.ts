import type { DriverReport } from './driver-report.ts';
import type { LogLevel } from './log-level.ts';

/**
 * The synchronous functions the host installs in every isolate context before the runtime
 * script runs. They only ever receive and return strings (isolated-vm copies them), so no
 * host object can reach user code through them.
 *
 * Results that can fail use a one-character envelope: `"0" + json` on success, `"1" + json`
 * of a {@link HostErrorPayload} on failure (see `decodeEnvelope`).
 *
 * @example
 * ```ts
 * const callbacks: HostCallbacks = {
 *   syscall: () => '0{}',
 *   log: () => undefined,
 *   util: () => '0null',
 *   report: () => undefined,
 * };
 * ```
 */
export interface HostCallbacks {
  /** `Convex.syscall`: a synchronous syscall of the current execution. */
  readonly syscall: (op: string, argsJson: string) => string;
  /** One console line of the current execution: its level and formatted message parts. */
  readonly log: (level: LogLevel, messagesJson: string) => void;
  /** Host helpers that need Node: random bytes (actions) and stack source mapping. */
  readonly util: (op: HostUtilOp, argJson: string) => string;
  /**
   * What the running function did during the current step (see {@link DriverReport}):
   * `report('op', id, name, argsJson)`, `report('done', resultJson)`, `report('error' | 'fatal',
   * errorJson)`, `report('timer', dueMs | null)`.
   */
  // eslint-disable-next-line max-params -- the isolate boundary ABI: positional primitives cross without allocating an object per report
  readonly report: (kind: DriverReport, first: string | number | null, second?: string, third?: string) => void;
}

/**
 * The helpers behind {@link HostCallbacks.util}.
 *
 * @example
 * ```ts
 * const op: HostUtilOp = 'mapStack';
 * ```
 */
export type HostUtilOp = 'randomBytes' | 'mapStack';

/**
 * What a failed host call reports back into the isolate.
 *
 * @example
 * ```ts
 * const payload: HostErrorPayload = { message: 'Unknown operation 1.0/nope' };
 * ```
 */
export interface HostErrorPayload {
  readonly message: string;
  /** Error name to construct in the isolate (`Error` when absent). */
  readonly name?: string;
  /** Convex-JSON text of a `ConvexError`'s data, for failures of nested function calls. */
  readonly data?: string;
}
