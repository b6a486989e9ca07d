/**
 * The levels of a function's log line, as in the `[LEVEL] ` prefix of the wire format.
 *
 * @example
 * ```ts
 * const level: LogLevel = 'WARN';
 * ```
 */
export type LogLevel = 'LOG' | 'DEBUG' | 'INFO' | 'WARN' | 'ERROR';

/**
 * Every {@link LogLevel}, for validation of what crosses the isolate boundary.
 *
 * @example
 * ```ts
 * LOG_LEVELS.includes('LOG'); // true
 * ```
 */
export const LOG_LEVELS: readonly LogLevel[] = Object.freeze(['LOG', 'DEBUG', 'INFO', 'WARN', 'ERROR']);
