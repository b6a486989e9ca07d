import type { LogLevel } from '@selfhost/udf-runtime';

/**
 * One console line of a function execution, in the structured form the CLI and dashboard
 * receive (compat spec §2.5). {@link formatLogLine} gives the string form other clients get.
 *
 * @example
 * ```ts
 * const line: LogLine = { level: 'LOG', messages: ["'hi'"], timestamp: 1700000000000, isTruncated: false, systemMetadata: null };
 * ```
 */
export interface LogLine {
  readonly level: LogLevel;
  readonly messages: readonly string[];
  /** Unix time in whole milliseconds. */
  readonly timestamp: number;
  readonly isTruncated: boolean;
  readonly systemMetadata: null;
}

/**
 * The string form of a log line (compat spec §3.3): `[LEVEL] ` + the space-joined messages.
 *
 * @example
 * ```ts
 * formatLogLine({ level: 'LOG', messages: ["'hi'"], timestamp: 0, isTruncated: false, systemMetadata: null }); // "[LOG] 'hi'"
 * ```
 */
export function formatLogLine(line: LogLine): string {
  return `[${line.level}] ${line.messages.join(' ')}`;
}
