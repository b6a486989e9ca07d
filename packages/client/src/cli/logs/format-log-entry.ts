import type { FunctionExecution, FunctionLogLine } from '@selfhost/protocol';
import type { Reporter } from '../output/reporter.ts';

/**
 * How `logs` shows one execution: the lines the official CLI prints —
 * `<time> [CONVEX Q(messages:list)] [LOG] 'hi'` per log line, the error in red, and with
 * `success` a green `Function executed in N ms` line for each completion without error.
 *
 * @example
 * ```ts
 * formatLogEntry(entry, { success: false, reporter, formatTime: (ms) => new Date(ms).toISOString() });
 * ```
 */
export function formatLogEntry(
  entry: FunctionExecution,
  options: {
    readonly success: boolean;
    readonly reporter: Reporter;
    readonly formatTime: (ms: number) => string;
  },
): string[] {
  const { reporter, formatTime } = options;
  const timestampMs = entry.timestamp * 1000;
  const prefix = (ms: number) =>
    `${formatTime(ms)} [CONVEX ${entry.udfType.charAt(0)}(${entry.identifier})]`;
  const lines = entry.logLines.map((line) =>
    formatLogLine(line, { prefix: prefix(timestampMs), reporter, formatTime, prefixAt: prefix }),
  );
  if (entry.kind === 'Completion') {
    if (entry.error !== null && entry.error !== undefined) {
      lines.push(reporter.style('red', `${prefix(timestampMs)} ${entry.error}`));
    } else if (options.success) {
      lines.push(
        reporter.style(
          'green',
          `${prefix(timestampMs)} Function executed in ${Math.ceil(entry.executionTime * 1000)} ms`,
        ),
      );
    }
  }
  return lines;
}

function formatLogLine(
  line: FunctionLogLine,
  context: {
    readonly prefix: string;
    readonly reporter: Reporter;
    readonly formatTime: (ms: number) => string;
    readonly prefixAt: (ms: number) => string;
  },
): string {
  if (typeof line === 'string') {
    const level = /^\[(.*?)\] /.exec(line);
    if (level === null)
      return context.reporter.style('red', `${context.prefix} Could not parse console.log`);
    return `${context.reporter.style('cyan', `${context.prefix} [${level[1]}]`)} ${line.slice(level[0].length)}`;
  }
  const message = `${line.messages.join(' ')}${line.isTruncated ? ' (truncated due to length)' : ''}`;
  return `${context.reporter.style('cyan', `${context.prefixAt(line.timestamp)} [${line.level}]`)} ${message}`;
}
