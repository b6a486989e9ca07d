import type { DriverReport, LogLevel } from '@selfhost/udf-runtime';

/**
 * What a context forwards to the execution it is running: synchronous syscalls, console
 * lines and the driver's reports. Implemented by the execution loop.
 *
 * @example
 * ```ts
 * const sink: ExecutionSink = { syscall: () => '0null', log: () => undefined, report: () => undefined };
 * ```
 * @internal
 */
export interface ExecutionSink {
  /** Serves `Convex.syscall`; returns an envelope (`0…` or `1…`). */
  readonly syscall: (op: string, argsJson: string) => string;
  /** Records one console line. */
  readonly log: (level: LogLevel, messages: readonly string[]) => void;
  /** Records what the function did during the current step (see `DriverReport`). */
  // eslint-disable-next-line max-params -- the isolate boundary ABI: positional primitives cross without allocating an object per report
  readonly report: (kind: DriverReport, first: unknown, second: unknown, third: unknown) => void;
}
