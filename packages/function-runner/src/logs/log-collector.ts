import type { LogLevel } from '@selfhost/udf-runtime';
import type { LogLine } from './log-line.ts';

/**
 * The log limits of one execution (semantics §9.1).
 *
 * @example
 * ```ts
 * const limits: LogLimits = { maxLines: 256, maxLineLength: 32_768 };
 * ```
 */
export interface LogLimits {
  /** Lines per execution, the overflow notice included. */
  readonly maxLines: number;
  /** Characters per line before it is cut and marked truncated. */
  readonly maxLineLength: number;
}

/**
 * The reference limits: 256 lines, 32,768 characters per line.
 *
 * @example
 * ```ts
 * new LogCollector(DEFAULT_LOG_LIMITS);
 * ```
 */
export const DEFAULT_LOG_LIMITS: LogLimits = Object.freeze({ maxLines: 256, maxLineLength: 32_768 });

const TRUNCATED_SUFFIX = ' (truncated due to length)';

/**
 * Collects the log lines of one execution (nested calls included) within the limits: lines
 * past the limit are dropped after one `[ERROR] Log overflow (maximum 256). Remaining log
 * lines omitted.` line, and over-long lines are cut.
 *
 * @example
 * ```ts
 * const logs = new LogCollector(DEFAULT_LOG_LIMITS);
 * logs.add('LOG', ["'hi'"]);
 * logs.lines; // [{ level: 'LOG', messages: ["'hi'"], … }]
 * ```
 */
export class LogCollector {
  readonly #limits: LogLimits;
  readonly #lines: LogLine[] = [];
  readonly #onLine: ((line: LogLine) => void) | undefined;

  constructor(limits: LogLimits, onLine?: (line: LogLine) => void) {
    this.#limits = limits;
    this.#onLine = onLine;
  }

  /** The lines so far. */
  get lines(): readonly LogLine[] {
    return this.#lines;
  }

  /** Adds one line of the function (`messages` already formatted). */
  add(level: LogLevel, messages: readonly string[], timestamp: number = Date.now()): void {
    if (!this.#admit(timestamp)) return;
    const { maxLineLength } = this.#limits;
    const total = messages.reduce((sum, message) => sum + message.length, Math.max(0, messages.length - 1));
    if (total <= maxLineLength) {
      this.#push({ level, messages: [...messages], timestamp: Math.floor(timestamp), isTruncated: false, systemMetadata: null });
      return;
    }
    const joined = messages.join(' ').slice(0, maxLineLength);
    this.#push({ level, messages: [joined + TRUNCATED_SUFFIX], timestamp: Math.floor(timestamp), isTruncated: true, systemMetadata: null });
  }

  /** Appends the lines of a nested call, within this collector's limits. */
  addAll(lines: readonly LogLine[]): void {
    for (const line of lines) if (this.#admit(line.timestamp)) this.#push(line);
  }

  /** Whether one more line fits; at the limit, writes the overflow notice instead. */
  #admit(timestamp: number): boolean {
    const { maxLines } = this.#limits;
    if (this.#lines.length < maxLines - 1) return true;
    if (this.#lines.length === maxLines - 1) {
      this.#push({
        level: 'ERROR',
        messages: [`Log overflow (maximum ${maxLines}). Remaining log lines omitted.`],
        timestamp: Math.floor(timestamp),
        isTruncated: false,
        systemMetadata: null,
      });
    }
    return false;
  }

  #push(line: LogLine): void {
    const frozen = Object.freeze(line);
    this.#lines.push(frozen);
    this.#onLine?.(frozen);
  }
}
