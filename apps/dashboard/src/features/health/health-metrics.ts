import { sumOf, type Sample } from '../../lib/prometheus-text.ts';

/** What the health page reads from `/metrics`; a field is null when the backend does not export it. */
export type HealthMetrics = {
  startedAtMs: number | null;
  databaseEngine: string | null;
  databaseSizeBytes: number | null;
  functionCalls: number | null;
  functionFailures: number | null;
};

const failureStatuses = new Set(['failure', 'failed', 'error']);

/**
 * Picks the health figures out of the metrics: `process_start_time_seconds` (or
 * `selfhost_start_time_seconds`), `selfhost_database_size_bytes{engine}`,
 * `selfhost_function_calls_total{status}` and `selfhost_function_failures_total`.
 *
 * @example
 * healthMetrics(parsePrometheusText(text)).functionCalls;
 */
export function healthMetrics(samples: readonly Sample[]): HealthMetrics {
  const has = (name: string) => samples.some((s) => s.name === name);
  const start = samples.find((s) => s.name === 'process_start_time_seconds' || s.name === 'selfhost_start_time_seconds');
  const size = samples.find((s) => s.name === 'selfhost_database_size_bytes');
  const info = samples.find((s) => s.name === 'selfhost_database_info');
  const calls = 'selfhost_function_calls_total';
  const failuresFromStatus = samples.filter((s) => s.name === calls && failureStatuses.has(s.labels.status ?? '')).reduce((t, s) => t + s.value, 0);
  return {
    startedAtMs: start ? start.value * 1000 : null,
    databaseEngine: size?.labels.engine ?? info?.labels.engine ?? null,
    databaseSizeBytes: size ? size.value : null,
    functionCalls: has(calls) ? sumOf(samples, calls) : null,
    functionFailures: has('selfhost_function_failures_total')
      ? sumOf(samples, 'selfhost_function_failures_total')
      : has(calls)
        ? failuresFromStatus
        : null,
  };
}
