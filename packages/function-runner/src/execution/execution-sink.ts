import type { LogLevel } from '@selfhost/udf-runtime';

/**
 * What a context forwards to the execution it is running: synchronous syscalls and console
 * lines. Implemented by the execution loop.
 *
 * @example
 * ```ts
 * const sink: ExecutionSink = { syscall: () => '0null', log: () => undefined };
 * ```
 * @internal
 */
export interface ExecutionSink {
  /** Serves `Convex.syscall`; returns an envelope (`0…` or `1…`). */
  readonly syscall: (op: string, argsJson: string) => string;
  /** Records one console line. */
  readonly log: (level: LogLevel, messages: readonly string[]) => void;
}
