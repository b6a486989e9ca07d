/** Console levels of log lines (compat §3.3). */
export const logLevels = ['DEBUG', 'LOG', 'INFO', 'WARN', 'ERROR'] as const;

/** One level of {@link logLevels}. */
export type LogLevel = (typeof logLevels)[number];

/** One row of the logs page: a console line or the completion of an execution. */
export type LogRow =
  | {
      kind: 'console';
      key: string;
      timestamp: number;
      identifier: string;
      udfType: string;
      executionId: string;
      level: LogLevel;
      message: string;
    }
  | {
      kind: 'completion';
      key: string;
      timestamp: number;
      identifier: string;
      udfType: string;
      executionId: string;
      success: boolean;
      error: string | null;
      durationMs: number;
      cachedResult: boolean;
    };

type RawLine = string | { messages?: string[]; level?: string; timestamp?: number };
type RawEntry = {
  kind?: string;
  udfType?: string;
  identifier?: string;
  logLines?: RawLine[];
  timestamp?: number;
  executionTime?: number;
  error?: string | null;
  executionId?: string;
  requestId?: string;
  cachedResult?: boolean;
};

function lineOf(raw: RawLine, fallbackMs: number): { level: LogLevel; message: string; timestamp: number } {
  if (typeof raw === 'string') {
    const match = /^\[(\w+)\] ([\s\S]*)$/.exec(raw);
    const level = (match?.[1] ?? 'LOG') as LogLevel;
    return { level: logLevels.includes(level) ? level : 'LOG', message: match?.[2] ?? raw, timestamp: fallbackMs };
  }
  const level = (raw.level ?? 'LOG') as LogLevel;
  return { level: logLevels.includes(level) ? level : 'LOG', message: (raw.messages ?? []).join(' '), timestamp: raw.timestamp ?? fallbackMs };
}

/**
 * Turns the entries of `stream_function_logs` (compat §2.5, structured or string log lines) into
 * rows: each console line, then one completion row per finished execution.
 *
 * @example
 * logRowsFromEntries([{ kind: 'Completion', identifier: 'messages:send', udfType: 'Mutation', logLines: [], timestamp: 1, executionTime: 0.01, error: null }], 0);
 */
export function logRowsFromEntries(entries: readonly unknown[], sequence: number): LogRow[] {
  const rows: LogRow[] = [];
  entries.forEach((value, i) => {
    const entry = value as RawEntry;
    const timestampMs = (entry.timestamp ?? 0) * 1000;
    const base = {
      identifier: entry.identifier ?? '?',
      udfType: entry.udfType ?? '?',
      executionId: entry.executionId ?? entry.requestId ?? `${sequence}-${i}`,
    };
    (entry.logLines ?? []).forEach((raw, j) => {
      rows.push({ kind: 'console', key: `${sequence}-${i}-${j}`, ...base, ...lineOf(raw, timestampMs) });
    });
    if (entry.kind === 'Completion') {
      rows.push({
        kind: 'completion',
        key: `${sequence}-${i}-done`,
        ...base,
        timestamp: timestampMs,
        success: entry.error === null || entry.error === undefined,
        error: entry.error ?? null,
        durationMs: (entry.executionTime ?? 0) * 1000,
        cachedResult: entry.cachedResult ?? false,
      });
    }
  });
  return rows;
}
