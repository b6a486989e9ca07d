import type { ConcurrencyConfig } from '../config/backend-config.ts';
import type { MetricsRegistry } from '../metrics/metrics-registry.ts';
import { ConcurrencyLimit } from './concurrency-limit.ts';

/** The kinds of execution with their own `APPLICATION_MAX_CONCURRENT_*` limit. */
export type LimitedKind = 'query' | 'mutation' | 'action' | 'nodeAction' | 'httpAction';

/** Label values as the log stream spells the kinds. */
const labels: Readonly<Record<LimitedKind, string>> = {
  query: 'Query',
  mutation: 'Mutation',
  action: 'Action',
  nodeAction: 'NodeAction',
  httpAction: 'HttpAction',
};

/**
 * One FIFO-queued concurrency limit per kind of execution (`APPLICATION_MAX_CONCURRENT_QUERIES`,
 * `…_MUTATIONS`, `…_V8_ACTIONS`, `…_NODE_ACTIONS`, `…_HTTP_ACTIONS`), so that a burst of one
 * kind cannot take every isolate and starve the others. Running and waiting counts are gauges
 * on `/metrics`.
 *
 * @example
 * const limits = new ExecutionLimits(config.concurrency, metrics);
 * await limits.run('query', () => runQuery());
 */
export class ExecutionLimits {
  readonly #limits: Readonly<Record<LimitedKind, ConcurrencyLimit>>;
  readonly #running;
  readonly #waiting;

  constructor(config: ConcurrencyConfig, metrics: MetricsRegistry) {
    this.#limits = {
      query: new ConcurrencyLimit(config.queries),
      mutation: new ConcurrencyLimit(config.mutations),
      action: new ConcurrencyLimit(config.actions),
      nodeAction: new ConcurrencyLimit(config.nodeActions),
      httpAction: new ConcurrencyLimit(config.httpActions),
    };
    this.#running = metrics.gauge('selfhost_function_executions_running', 'Executions holding a concurrency slot, by type.');
    this.#waiting = metrics.gauge('selfhost_function_executions_waiting', 'Executions queued for a concurrency slot, by type.');
    for (const kind of Object.keys(labels) as LimitedKind[]) this.#report(kind);
  }

  /** Runs `work` in a slot of `kind`, after the executions queued before it. */
  async run<TResult>(kind: LimitedKind, work: () => Promise<TResult>): Promise<TResult> {
    const promise = this.#limits[kind].run(() => {
      this.#report(kind);
      return work();
    });
    this.#report(kind);
    try {
      return await promise;
    } finally {
      this.#report(kind);
    }
  }

  #report(kind: LimitedKind): void {
    const limit = this.#limits[kind];
    this.#running.set(limit.active, { udfType: labels[kind] });
    this.#waiting.set(limit.waiting, { udfType: labels[kind] });
  }
}
