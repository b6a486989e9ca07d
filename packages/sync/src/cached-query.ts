import { QueryResult } from './query-result.ts';
import {
  type SyncDatabase,
  type SyncInvalidation,
  type SyncReadSet,
  type SyncSubscription,
} from './sync-database.ts';
import { type QueryOutcome, type QueryRequest } from './sync-host.ts';

/** A result with the timestamps at which it is known to hold. */
interface HeldResult {
  readonly result: QueryResult;
  readonly readSet: SyncReadSet;
  /** Earliest ts known valid (lowered when an older request proves it). */
  fromTs: bigint;
  /** Latest ts checked without a subscription (idle entries refresh from here). */
  checkedThrough: bigint;
  /** First ts at which it is no longer valid; null while it is valid through `latestTs`. */
  invalidAt: bigint | null;
  /** Invalid at every ts (code or environment changed). */
  dead: boolean;
}

/**
 * How a {@link CachedQuery} runs its function and watches the database.
 *
 * @internal
 * @example
 * ```ts
 * const runtime: CachedQueryRuntime = { database, run: (request, ts) => host.runQuery(request, ts), onExecute: () => {} };
 * ```
 */
export interface CachedQueryRuntime {
  readonly database: SyncDatabase;
  run(request: QueryRequest, ts: bigint): Promise<QueryOutcome>;
  /** Called once per execution (statistics). */
  onExecute(): void;
}

/**
 * One query (function, args, identity, journal, component) shared by every connection that
 * subscribes to it. It keeps the latest result with the range of timestamps where it holds,
 * runs the function at most once per requested timestamp (single flight), and, while someone
 * listens, keeps the result's read set subscribed so a commit that intersects it marks it
 * invalid and tells the listeners. It never re-runs on its own: listeners ask again.
 *
 * @internal
 * @example
 * ```ts
 * const entry = new CachedQuery(key, request, runtime);
 * entry.addListener(() => session.markDirty());
 * const result = await entry.resultAt(database.latestTs);
 * ```
 */
export class CachedQuery {
  readonly key: string;
  readonly request: QueryRequest;
  readonly #runtime: CachedQueryRuntime;
  /** Listener → how many of the listener's queries use this entry. */
  readonly #listeners = new Map<() => void, number>();
  readonly #inflight = new Map<bigint, Promise<QueryResult>>();
  #held: HeldResult | null = null;
  #subscription: SyncSubscription | null = null;
  #epoch = 0;

  constructor(key: string, request: QueryRequest, runtime: CachedQueryRuntime) {
    this.key = key;
    this.request = request;
    this.#runtime = runtime;
  }

  /** Number of listeners (subscribed connection queries). */
  get listenerCount(): number {
    return this.#listeners.size;
  }

  /** Whether a result is held (a reason to keep the entry when idle). */
  get hasResult(): boolean {
    return this.#held !== null && !this.#held.dead;
  }

  /** Approximate memory held. */
  get byteSize(): number {
    return 2 * this.key.length + (this.#held?.result.byteSize ?? 0) + 128;
  }

  /** Starts telling `listener` whenever the held result stops being valid (counted: add twice, remove twice). */
  addListener(listener: () => void): void {
    this.#listeners.set(listener, (this.#listeners.get(listener) ?? 0) + 1);
    if (this.#listeners.size === 1 && this.#held !== null) this.#watch(this.#held);
  }

  /** Stops telling `listener`; the last one out drops the database subscription. */
  removeListener(listener: () => void): void {
    const count = this.#listeners.get(listener);
    if (count === undefined) return;
    if (count > 1) {
      this.#listeners.set(listener, count - 1);
      return;
    }
    this.#listeners.delete(listener);
    if (this.#listeners.size > 0) return;
    const held = this.#held;
    if (this.#subscription !== null && held !== null && held.invalidAt === null) {
      // It was live until now: valid through the latest ts.
      const latest = this.#runtime.database.latestTs;
      if (latest > held.checkedThrough) held.checkedThrough = latest;
    }
    this.#unsubscribe();
  }

  /**
   * The held result if it is valid at `ts`, else null. Without a subscription this refreshes
   * the result through the write log (token refresh, semantics §1.5).
   */
  validResultAt(ts: bigint): QueryResult | null {
    const held = this.#held;
    return held !== null && this.#isValidAt(held, ts) ? held.result : null;
  }

  /** A result valid at `ts`: the held one, the one being computed for `ts`, or a new run. */
  resultAt(ts: bigint): QueryResult | Promise<QueryResult> {
    const valid = this.validResultAt(ts);
    if (valid !== null) return valid;
    const existing = this.#inflight.get(ts);
    if (existing !== undefined) return existing;
    const pending = this.#execute(ts);
    this.#inflight.set(ts, pending);
    const forget = (): void => {
      if (this.#inflight.get(ts) === pending) this.#inflight.delete(ts);
    };
    pending.then(forget, forget);
    return pending;
  }

  /** Every held result becomes invalid (code push, environment variables); listeners are told. */
  invalidate(): void {
    this.#epoch++;
    // Runs already started use the old code: later requests must not join them.
    this.#inflight.clear();
    if (this.#held !== null) this.#held.dead = true;
    this.#unsubscribe();
    this.#notify();
  }

  async #execute(ts: bigint): Promise<QueryResult> {
    const epoch = this.#epoch;
    this.#runtime.onExecute();
    const outcome = await this.#runtime.run(this.request, ts);
    let result = QueryResult.fromOutcome(outcome);
    const held = this.#held;
    // Keep one object per distinct content: cheaper memory, and equal hashes stay equal objects.
    if (
      held !== null &&
      held.result.hash === result.hash &&
      held.result.journal === result.journal
    ) {
      result = held.result;
    }
    if (epoch === this.#epoch && (held === null || held.dead || ts >= held.fromTs)) {
      this.#install({
        result,
        readSet: outcome.readSet,
        fromTs: ts,
        checkedThrough: ts,
        invalidAt: null,
        dead: false,
      });
    }
    return result;
  }

  #install(held: HeldResult): void {
    this.#unsubscribe();
    this.#held = held;
    if (this.#listeners.size > 0) this.#watch(held);
  }

  /** Subscribes the held result's read set from the latest ts (after checking the gap). */
  #watch(held: HeldResult): void {
    if (held.dead || held.invalidAt !== null || this.#subscription !== null) return;
    const database = this.#runtime.database;
    const latest = database.latestTs;
    if (latest > held.checkedThrough) {
      const check = database.readSetChanged(held.readSet, held.checkedThrough, latest);
      if (check.changed) {
        held.invalidAt = invalidAtOf(held, check.reason === 'conflict' ? check.ts : undefined);
        queueMicrotask(() => this.#notify());
        return;
      }
      held.checkedThrough = latest;
    }
    this.#subscription = database.subscribe(held.readSet, latest, (why: SyncInvalidation) => {
      if (this.#held !== held) return;
      this.#subscription = null;
      held.invalidAt = invalidAtOf(held, why.reason === 'conflict' ? why.ts : undefined);
      this.#notify();
    });
  }

  #isValidAt(held: HeldResult, ts: bigint): boolean {
    if (held.dead) return false;
    if (ts < held.fromTs) {
      // Computed later than asked: it also holds at `ts` if nothing it read changed in between.
      if (this.#runtime.database.readSetChanged(held.readSet, ts, held.fromTs).changed)
        return false;
      held.fromTs = ts;
      return true;
    }
    if (held.invalidAt !== null) return ts < held.invalidAt;
    if (this.#subscription !== null || ts <= held.checkedThrough) return true;
    const check = this.#runtime.database.readSetChanged(held.readSet, held.checkedThrough, ts);
    if (!check.changed) {
      held.checkedThrough = ts;
      return true;
    }
    held.invalidAt = invalidAtOf(held, check.reason === 'conflict' ? check.ts : undefined);
    return ts < held.invalidAt;
  }

  #unsubscribe(): void {
    this.#subscription?.unsubscribe();
    this.#subscription = null;
  }

  #notify(): void {
    for (const listener of this.#listeners.keys()) listener();
  }
}

/**
 * First invalid ts: the conflicting commit, or — when the write log could not tell (out of
 * retention) — right after the last ts known valid.
 */
function invalidAtOf(held: HeldResult, conflictTs: bigint | undefined): bigint {
  if (conflictTs !== undefined && conflictTs > held.checkedThrough) return conflictTs;
  return held.checkedThrough + 1n;
}
