// The one file that knows what sync needs from @selfhost/database. Everything else in this
// package talks to `SyncDatabase`, which the real `Database` satisfies structurally; if the
// database API moves, only this file changes.
import { isDatabaseError, type Database } from '@selfhost/database';

/**
 * What a query execution read (index key ranges), as recorded by a database transaction. Sync
 * never looks inside: it keeps it with the query result, subscribes it, and checks it against
 * later commits.
 *
 * @example
 * ```ts
 * const tx = db.begin({ readTs: ts, readOnly: true });
 * // … run the query …
 * tx.abort();
 * const readSet: SyncReadSet = tx.readSet;
 * ```
 */
export type SyncReadSet = Parameters<Database['subscribe']>[0];

/**
 * Why a subscribed read set stopped being valid: a commit at `ts` wrote inside it (`conflict`),
 * or it is older than the write log keeps (`outOfRetention`; re-run, never an error).
 *
 * @example
 * ```ts
 * database.subscribe(readSet, ts, (why: SyncInvalidation) => console.log(why.ts, why.reason));
 * ```
 */
export interface SyncInvalidation {
  readonly ts: bigint;
  readonly reason: 'conflict' | 'outOfRetention';
}

/**
 * A live read-set subscription. `unsubscribe()` is safe to call twice.
 *
 * @example
 * ```ts
 * const subscription = database.subscribe(readSet, ts, onInvalidate);
 * subscription.unsubscribe();
 * ```
 */
export interface SyncSubscription {
  unsubscribe(): void;
}

/**
 * The answer of {@link SyncDatabase.readSetChanged}: `ts` is the first conflicting commit (or
 * the write log's horizon when the read set is too old to check).
 *
 * @example
 * ```ts
 * const check: SyncReadSetCheck = database.readSetChanged(readSet, fromTs, toTs);
 * ```
 */
export interface SyncReadSetCheck {
  readonly changed: boolean;
  readonly ts?: bigint | undefined;
  readonly reason?: SyncInvalidation['reason'] | undefined;
}

/**
 * The database as the sync engine uses it: the latest published timestamp, read-set
 * subscriptions over the write log (index-range intersection), and "did this read set change
 * between two timestamps" (token refresh, semantics §1.5). `@selfhost/database`'s `Database`
 * satisfies it as is.
 *
 * Contract the engine relies on:
 * - `latestTs` only grows, and a commit is visible there before its mutation's caller is answered;
 * - `subscribe` calls `onInvalidate` once, synchronously while the intersecting commit is
 *   published (before `latestTs` moves past it) or, when a commit after `ts` already
 *   intersects, soon after subscribing;
 * - `readSetChanged(r, a, b)` answers for commits in `(a, b]`; too old to tell counts as changed.
 *
 * @example
 * ```ts
 * const database: SyncDatabase = await openDatabase({ persistence, cursorKey });
 * ```
 */
export interface SyncDatabase {
  readonly latestTs: bigint;
  subscribe(
    readSet: SyncReadSet,
    ts: bigint,
    onInvalidate: (why: SyncInvalidation) => void,
  ): SyncSubscription;
  readSetChanged(readSet: SyncReadSet, fromTs: bigint, toTs: bigint): SyncReadSetCheck;
}

/**
 * Whether `error` says a snapshot is older than the database keeps (re-run at a newer ts).
 *
 * @internal
 * @example
 * ```ts
 * if (isOutOfRetention(error)) restartAtLatest();
 * ```
 */
export function isOutOfRetention(error: unknown): boolean {
  return isDatabaseError(error, 'OutOfRetention');
}
