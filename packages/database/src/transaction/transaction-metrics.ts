import type { DatabaseLimits } from '../limits/database-limits.ts';

/**
 * One metric of {@link TransactionMetrics}: how much is used and how much remains under the limit.
 *
 * @example
 * ```ts
 * const { used, remaining } = tx.metrics().documentsRead;
 * ```
 */
export interface MetricUsage {
  readonly used: number;
  readonly remaining: number;
}

/**
 * What a transaction has read and written so far, against its limits — the database part of
 * `1.0/getTransactionMetrics` (the runner adds scheduled-function figures).
 *
 * @example
 * ```ts
 * const m = tx.metrics();
 * m.bytesRead.used; m.databaseQueries.remaining;
 * ```
 */
export interface TransactionMetrics {
  readonly bytesRead: MetricUsage;
  readonly bytesWritten: MetricUsage;
  readonly documentsRead: MetricUsage;
  readonly documentsWritten: MetricUsage;
  /** Merged index intervals in the read set (the 4,096 limit). */
  readonly databaseQueries: MetricUsage;
}

/**
 * Mutable counters behind {@link TransactionMetrics}.
 *
 * @internal
 * @example
 * ```ts
 * counters.documentsRead += 1;
 * ```
 */
export class MetricCounters {
  documentsRead = 0;
  bytesRead = 0;
  documentsWritten = 0;
  bytesWritten = 0;
  intervals = 0;

  snapshot(limits: DatabaseLimits): TransactionMetrics {
    const usage = (used: number, limit: number): MetricUsage =>
      Object.freeze({ used, remaining: Math.max(0, limit - used) });
    return Object.freeze({
      bytesRead: usage(this.bytesRead, limits.maxReadBytes),
      bytesWritten: usage(this.bytesWritten, limits.maxWriteBytes),
      documentsRead: usage(this.documentsRead, limits.maxReadDocuments),
      documentsWritten: usage(this.documentsWritten, limits.maxWriteDocuments),
      databaseQueries: usage(this.intervals, limits.maxReadIntervals),
    });
  }
}
