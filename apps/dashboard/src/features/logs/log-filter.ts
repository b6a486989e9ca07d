import { logLevels, type LogLevel, type LogRow } from '../../lib/log-entry.ts';

/** The level choice of the logs page: everything, a level and above, or failures only. */
export type LevelFilter = 'all' | LogLevel | 'failures';

/**
 * Whether a log row passes the logs page's filters: function name (substring), level, and text
 * (in the message, or in the error of a failed execution). All case-insensitive.
 *
 * @example
 * matchesLogFilter(row, { fn: 'messages', level: 'WARN', text: '' });
 */
export function matchesLogFilter(row: LogRow, filter: { fn: string; level: LevelFilter; text: string }): boolean {
  if (filter.fn !== '' && !row.identifier.toLowerCase().includes(filter.fn.toLowerCase())) return false;
  if (filter.level === 'failures') {
    if (!(row.kind === 'completion' ? !row.success : row.level === 'ERROR')) return false;
  } else if (filter.level !== 'all') {
    if (row.kind !== 'console' || logLevels.indexOf(row.level) < logLevels.indexOf(filter.level)) return false;
  }
  if (filter.text !== '') {
    const haystack = row.kind === 'console' ? row.message : `${row.error ?? ''} ${row.identifier}`;
    if (!haystack.toLowerCase().includes(filter.text.toLowerCase())) return false;
  }
  return true;
}
