import type { Database } from '@selfhost/database';
import type { ExecutionLog } from './execution-log.ts';
import type { ExecutionRequest } from './execution-request.ts';
import type { FunctionExecutor, QueryExecution } from './function-executor.ts';

/** How long a result may be reused at all (semantics §1.6: time-dependent results, ≈17 s). */
const maxAgeMs = 17_000;

interface CachedResult {
  readonly execution: QueryExecution;
  /** Valid from `execution.ts` through this timestamp (advanced by every successful check). */
  validThrough: bigint;
  readonly storedAt: number;
  readonly bytes: number;
}

/**
 * The query result cache of semantics §1.6 for one-off queries (HTTP `/api/query` and friends;
 * subscriptions have the sync engine's own). A result is reused at a later timestamp when no
 * commit since touched its read set (checked through the database's write log), for at most
 * 17 s (a query may read the clock). Keyed by path, arguments, identity and visibility; only
 * successes are kept; identical requests in flight share one execution. Cleared whenever the
 * code or the environment changes. Hits appear in the log stream as cached results.
 *
 * @example
 * const cache = new QueryResultCache({ db, executor, log, maxBytes: 32 << 20 });
 * const { outcome } = await cache.query(request, db.latestTs);
 */
export class QueryResultCache {
  readonly #db: Database;
  readonly #executor: FunctionExecutor;
  readonly #log: ExecutionLog;
  readonly #maxBytes: number;
  /** Least recently used first. */
  readonly #entries = new Map<string, CachedResult>();
  readonly #inFlight = new Map<string, Promise<QueryExecution>>();
  #bytes = 0;
  #generation = 0;

  constructor(deps: { readonly db: Database; readonly executor: FunctionExecutor; readonly log: ExecutionLog; readonly maxBytes: number }) {
    this.#db = deps.db;
    this.#executor = deps.executor;
    this.#log = deps.log;
    this.#maxBytes = deps.maxBytes;
  }

  /** The result of `request` at `ts` (the latest commit when undefined). */
  async query(request: ExecutionRequest, ts: bigint | undefined): Promise<QueryExecution> {
    const at = ts ?? this.#db.latestTs;
    const key = keyOf(request);
    const cached = this.#entries.get(key);
    if (cached !== undefined) {
      const reusable = this.#reusable(cached, at);
      this.#entries.delete(key);
      if (reusable) {
        this.#entries.set(key, cached);
        this.#log.completedFromCache(request, cached.execution.outcome);
        return { ...cached.execution, ts: at };
      }
      this.#bytes -= cached.bytes;
    }
    const running = this.#inFlight.get(key);
    if (running !== undefined) {
      const shared = await running;
      if (shared.ts <= at && !this.#db.readSetChanged(shared.readSet, shared.ts, at).changed) {
        this.#log.completedFromCache(request, shared.outcome);
        return { ...shared, ts: at };
      }
    }
    return await this.#execute(key, request, ts);
  }

  /** Forgets every result (new code, new environment variables). */
  clear(): void {
    this.#entries.clear();
    this.#bytes = 0;
    this.#generation += 1;
  }

  #reusable(cached: CachedResult, at: bigint): boolean {
    if (Date.now() - cached.storedAt > maxAgeMs || at < cached.execution.ts) return false;
    if (at <= cached.validThrough) return true;
    if (this.#db.readSetChanged(cached.execution.readSet, cached.validThrough, at).changed) return false;
    cached.validThrough = at;
    return true;
  }

  async #execute(key: string, request: ExecutionRequest, ts: bigint | undefined): Promise<QueryExecution> {
    const generation = this.#generation;
    const running = this.#executor.query(request, { ts });
    this.#inFlight.set(key, running);
    let execution: QueryExecution;
    try {
      execution = await running;
    } finally {
      if (this.#inFlight.get(key) === running) this.#inFlight.delete(key);
    }
    if (execution.outcome.status === 'success' && generation === this.#generation) this.#store(key, execution);
    return execution;
  }

  #store(key: string, execution: QueryExecution): void {
    if (execution.outcome.status !== 'success') return;
    const bytes = key.length + execution.outcome.valueJson.length + 256;
    if (bytes > this.#maxBytes / 4) return;
    const previous = this.#entries.get(key);
    if (previous !== undefined) {
      this.#entries.delete(key);
      this.#bytes -= previous.bytes;
    }
    this.#entries.set(key, { execution, validThrough: execution.ts, storedAt: Date.now(), bytes });
    this.#bytes += bytes;
    for (const [oldKey, oldest] of this.#entries) {
      if (this.#bytes <= this.#maxBytes) break;
      this.#entries.delete(oldKey);
      this.#bytes -= oldest.bytes;
    }
  }
}

/** Path, arguments, who asks (identity and whether internal functions are visible). */
function keyOf(request: ExecutionRequest): string {
  return JSON.stringify([request.path, request.args, request.isAdmin, request.identity, request.journal ?? null]);
}
