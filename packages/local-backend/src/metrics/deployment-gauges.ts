import { stat } from 'node:fs/promises';
import type { DatabaseConfig } from '../config/backend-config.ts';
import type { MetricsRegistry } from './metrics-registry.ts';

/**
 * Gauges the dashboard's health page reads: process start time, the database engine and, for
 * SQLite, the size of its files. Returns a function that refreshes them (call it before rendering).
 *
 * @example
 * const refresh = deploymentGauges(metrics, config.database);
 * await refresh();
 */
export function deploymentGauges(metrics: MetricsRegistry, database: DatabaseConfig): () => Promise<void> {
  metrics.gauge('process_start_time_seconds', 'Start time of the process, in Unix seconds.').set(Math.floor(Date.now() / 1000 - process.uptime()));
  metrics.gauge('selfhost_database_info', 'The database engine in use.').set(1, { engine: database.kind });
  const size = metrics.gauge('selfhost_database_size_bytes', 'Size of the database files.');
  const memory = metrics.gauge('process_resident_memory_bytes', 'Resident memory of the process.');
  return async () => {
    memory.set(process.memoryUsage.rss());
    if (database.kind !== 'sqlite') return;
    let total = 0;
    for (const suffix of ['', '-wal', '-shm']) total += await stat(`${database.path}${suffix}`).then((s) => s.size, () => 0);
    size.set(total, { engine: 'sqlite' });
  };
}
