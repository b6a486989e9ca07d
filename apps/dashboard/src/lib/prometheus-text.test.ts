import { describe, expect, test } from 'vitest';
import { healthMetrics } from '../features/health/health-metrics.ts';
import { parsePrometheusText, sumOf } from './prometheus-text.ts';

const text = `# HELP selfhost_function_calls_total Function executions.
# TYPE selfhost_function_calls_total counter
selfhost_function_calls_total{udfType="query",status="success"} 10
selfhost_function_calls_total{udfType="mutation",status="failure"} 2
selfhost_database_size_bytes{engine="sqlite"} 4096
process_start_time_seconds 1700000000
weird line
`;

describe('parsePrometheusText', () => {
  test('reads samples with labels and skips the rest', () => {
    const samples = parsePrometheusText(text);
    expect(samples).toHaveLength(4);
    expect(samples[1]).toEqual({ name: 'selfhost_function_calls_total', labels: { udfType: 'mutation', status: 'failure' }, value: 2 });
    expect(sumOf(samples, 'selfhost_function_calls_total')).toBe(12);
  });

  test('the health page takes calls, failures, database and start time from it', () => {
    expect(healthMetrics(parsePrometheusText(text))).toEqual({
      startedAtMs: 1_700_000_000_000,
      databaseEngine: 'sqlite',
      databaseSizeBytes: 4096,
      functionCalls: 12,
      functionFailures: 2,
    });
    expect(healthMetrics([])).toEqual({ startedAtMs: null, databaseEngine: null, databaseSizeBytes: null, functionCalls: null, functionFailures: null });
  });
});
