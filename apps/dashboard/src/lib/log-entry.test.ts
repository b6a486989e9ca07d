import { describe, expect, test } from 'vitest';
import { logRowsFromEntries } from './log-entry.ts';

describe('logRowsFromEntries', () => {
  test('structured lines become console rows, then one completion row', () => {
    const rows = logRowsFromEntries(
      [
        {
          kind: 'Completion',
          udfType: 'Mutation',
          identifier: 'messages:send',
          logLines: [{ messages: ["'sending'", "'hi'"], level: 'INFO', timestamp: 1_700_000_000_123 }],
          timestamp: 1_700_000_000.5,
          executionTime: 0.012,
          error: null,
          executionId: 'e1',
        },
        { kind: 'Completion', udfType: 'Query', identifier: 'messages:list', logLines: ['[ERROR] boom'], timestamp: 1, executionTime: 0, error: 'Uncaught Error: boom' },
      ],
      7,
    );
    expect(rows).toMatchObject([
      { kind: 'console', level: 'INFO', message: "'sending' 'hi'", timestamp: 1_700_000_000_123, identifier: 'messages:send' },
      { kind: 'completion', success: true, durationMs: 12, timestamp: 1_700_000_000_500, executionId: 'e1' },
      { kind: 'console', level: 'ERROR', message: 'boom' },
      { kind: 'completion', success: false, error: 'Uncaught Error: boom' },
    ]);
    expect(new Set(rows.map((row) => row.key)).size).toBe(4);
  });
});
