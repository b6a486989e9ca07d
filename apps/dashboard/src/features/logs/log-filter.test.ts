import { describe, expect, test } from 'vitest';
import type { LogRow } from '../../lib/log-entry.ts';
import { matchesLogFilter } from './log-filter.ts';

const base = { timestamp: 0, udfType: 'Mutation', executionId: 'e' };
const rows: LogRow[] = [
  { ...base, kind: 'console', key: '1', identifier: 'messages:send', level: 'LOG', message: "'sending'" },
  { ...base, kind: 'console', key: '2', identifier: 'users:add', level: 'WARN', message: "'slow'" },
  { ...base, kind: 'completion', key: '3', identifier: 'users:add', success: false, error: 'Uncaught Error: Boom', durationMs: 1, cachedResult: false },
  { ...base, kind: 'completion', key: '4', identifier: 'messages:send', success: true, error: null, durationMs: 1, cachedResult: false },
];
const keys = (filter: Parameters<typeof matchesLogFilter>[1]) => rows.filter((row) => matchesLogFilter(row, filter)).map((row) => row.key);

describe('matchesLogFilter', () => {
  test('filters by function, level and text', () => {
    expect(keys({ fn: '', level: 'all', text: '' })).toEqual(['1', '2', '3', '4']);
    expect(keys({ fn: 'MESSAGES', level: 'all', text: '' })).toEqual(['1', '4']);
    expect(keys({ fn: '', level: 'WARN', text: '' })).toEqual(['2']);
    expect(keys({ fn: '', level: 'failures', text: '' })).toEqual(['3']);
    expect(keys({ fn: '', level: 'all', text: 'boom' })).toEqual(['3']);
  });
});
