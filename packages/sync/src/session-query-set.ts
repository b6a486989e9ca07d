import {
  canonicalizeUdfPath,
  type AddQuery,
  type JSONObject,
  type ModifyQuerySetMessage,
} from '@selfhost/protocol';
import { type CachedQuery } from './cached-query.ts';
import { type QueryCache } from './query-cache.ts';
import { queryKeyOf } from './query-key.ts';
import { SyncError } from './sync-error.ts';
import { type SyncIdentity } from './sync-host.ts';

/**
 * One query of one connection: the client's `queryId` for a function call, the journal to
 * re-run it with, and the shared {@link CachedQuery} it currently reads from.
 *
 * @internal
 * @example
 * ```ts
 * const query = set.get(0);
 * const result = await query?.entry.resultAt(ts);
 * ```
 */
export class SessionQuery {
  readonly queryId: number;
  readonly udfPath: string;
  readonly args: JSONObject;
  readonly argsJson: string;
  readonly componentPath: string | undefined;
  /** The journal the next run starts from (the latest one a result produced). */
  journal: string | null;
  entry: CachedQuery | null = null;

  constructor(add: AddQuery) {
    this.queryId = add.queryId;
    this.udfPath = canonicalizeUdfPath(add.udfPath);
    this.args = add.args[0];
    this.argsJson = JSON.stringify(this.args);
    this.componentPath = add.componentPath;
    this.journal = add.journal ?? null;
  }
}

/**
 * The query set of one connection as the client last described it (through `ModifyQuerySet`),
 * with each query attached to its shared cache entry under the connection's identity.
 *
 * @internal
 * @example
 * ```ts
 * const set = new SessionQuerySet(cache, () => session.markDirty(), identity);
 * set.apply(message);
 * for (const query of set.snapshot()) …
 * ```
 */
export class SessionQuerySet {
  readonly #cache: QueryCache;
  readonly #listener: () => void;
  readonly #queries = new Map<number, SessionQuery>();
  #identity: SyncIdentity;

  constructor(cache: QueryCache, listener: () => void, identity: SyncIdentity) {
    this.#cache = cache;
    this.#listener = listener;
    this.#identity = identity;
  }

  /** Number of queries. */
  get size(): number {
    return this.#queries.size;
  }

  /**
   * Applies the Adds and Removes of a `ModifyQuerySet` whose versions the caller has checked.
   * All or nothing: a duplicate Add or an unknown Remove throws before anything changes.
   */
  apply(message: ModifyQuerySetMessage): void {
    const present = new Set(this.#queries.keys());
    for (const modification of message.modifications) {
      if (modification.type === 'Add') {
        if (present.has(modification.queryId)) {
          throw new SyncError('DuplicateQueryId', `Duplicate query ID: ${modification.queryId}`);
        }
        present.add(modification.queryId);
      } else {
        if (!present.delete(modification.queryId)) {
          throw new SyncError(
            'NonexistentQueryId',
            `Nonexistent query id: ${modification.queryId}`,
          );
        }
      }
    }
    for (const modification of message.modifications) {
      if (modification.type === 'Add') {
        const query = new SessionQuery(modification);
        this.#queries.set(query.queryId, query);
        this.#attach(query);
      } else {
        const query = this.#queries.get(modification.queryId)!;
        this.#queries.delete(modification.queryId);
        this.#detach(query);
      }
    }
  }

  /** The queries now, in the order they were added. */
  snapshot(): SessionQuery[] {
    return [...this.#queries.values()];
  }

  /** Whether `query` is still part of the set. */
  has(query: SessionQuery): boolean {
    return this.#queries.get(query.queryId) === query;
  }

  /** Switches every query to the cache entries of a new identity. */
  setIdentity(identity: SyncIdentity): void {
    this.#identity = identity;
    for (const query of this.#queries.values()) this.rekey(query);
  }

  /** Re-attaches `query` to the entry for its current journal and the set's identity. */
  rekey(query: SessionQuery): void {
    this.#detach(query);
    this.#attach(query);
  }

  /** Detaches every query (the connection ended). */
  clear(): void {
    for (const query of this.#queries.values()) this.#detach(query);
    this.#queries.clear();
  }

  #attach(query: SessionQuery): void {
    const identity = this.#identity;
    const key = queryKeyOf({
      udfPath: query.udfPath,
      argsJson: query.argsJson,
      identityKey: identity.cacheKey,
      journal: query.journal,
      componentPath: query.componentPath,
    });
    query.entry = this.#cache.acquire(
      key,
      {
        udfPath: query.udfPath,
        args: query.args,
        identity,
        journal: query.journal,
        componentPath: query.componentPath,
      },
      this.#listener,
    );
  }

  #detach(query: SessionQuery): void {
    if (query.entry === null) return;
    this.#cache.release(query.entry, this.#listener);
    query.entry = null;
  }
}
