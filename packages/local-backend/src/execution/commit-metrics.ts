import type { MetricsRegistry } from '../metrics/metrics-registry.ts';

/** Commit latency buckets in seconds: SQLite commits take well under a millisecond, remote databases tens. */
const commitBuckets = [0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5];

/**
 * What the mutation commit path reports to `/metrics`: how long each commit took and every
 * optimistic-concurrency conflict (whether or not the retry then succeeded).
 *
 * @example
 * const commits = new CommitMetrics(metrics);
 * commits.committed(0.0004);
 * commits.conflicted('messages');
 */
export class CommitMetrics {
  readonly #latency;
  readonly #conflicts;

  constructor(metrics: MetricsRegistry) {
    this.#latency = metrics.histogram('selfhost_database_commit_duration_seconds', 'Time to commit a mutation’s transaction.', commitBuckets);
    this.#conflicts = metrics.counter('selfhost_occ_conflicts_total', 'Optimistic concurrency conflicts of mutations, by table.');
  }

  committed(seconds: number): void {
    this.#latency.observe(seconds);
  }

  conflicted(tableName: string | undefined): void {
    this.#conflicts.inc({ table: tableName ?? 'unknown' });
  }
}
