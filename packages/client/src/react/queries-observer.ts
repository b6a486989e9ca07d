import { convexToJson, type Value } from '@selfhost/values';
import type { QueryJournal } from '../browser/sync/local-query-set.ts';
import type {
  FunctionReference,
  FunctionReference_future,
} from '../server/api/function-reference.ts';
import { getFunctionName } from '../server/api/get-function-name.ts';
import type { Watch } from './convex-react-client.ts';

type QueryReference = FunctionReference<'query'> | FunctionReference_future<'query'>;

/**
 * @internal The queries a {@link QueriesObserver} holds, by the caller's identifiers.
 *
 * @example
 * ```ts
 * const request: QueriesRequest = { list: { query: api.messages.list, args: {} } };
 * ```
 */
export type QueriesRequest = Record<string, { query: QueryReference; args: Record<string, Value> }>;

/**
 * @internal Makes a watch on a query (normally `client.watchQuery`).
 *
 * @example
 * ```ts
 * const createWatch: CreateWatch = (query, args, journal) => client.watchQuery(query, args, journal ? { journal } : {});
 * ```
 */
export type CreateWatch = (
  query: QueryReference,
  args: Record<string, Value>,
  journal: QueryJournal | undefined,
) => Watch<Value>;

type Held = {
  readonly query: QueryReference;
  readonly args: Record<string, Value>;
  readonly key: string;
  readonly watch: Watch<Value>;
  readonly unsubscribe: () => void;
};

function keyOf(query: QueryReference, args: Record<string, Value>): string {
  return `${getFunctionName(query)}|${JSON.stringify(convexToJson(args))}`;
}

/**
 * @internal Keeps one subscription per identifier in sync with a changing {@link QueriesRequest}
 * and tells its listeners when any result changes. New subscriptions are made before old ones
 * are dropped, so a query that only moved to another identifier is never unsubscribed.
 *
 * @example
 * ```ts
 * const observer = new QueriesObserver(createWatch);
 * observer.setQueries({ list: { query: api.messages.list, args: {} } });
 * observer.subscribe(() => render(observer.getLocalResults(request)));
 * ```
 */
export class QueriesObserver {
  #createWatch: CreateWatch;
  readonly #held = new Map<string, Held>();
  #listeners = new Set<() => void>();

  constructor(createWatch: CreateWatch) {
    this.#createWatch = createWatch;
  }

  /** The watch factory in use. */
  get createWatch(): CreateWatch {
    return this.#createWatch;
  }

  /** Subscribes to the requested queries and drops the ones no longer requested. */
  setQueries(queries: QueriesRequest): void {
    for (const [identifier, { query, args }] of Object.entries(queries)) {
      const held = this.#held.get(identifier);
      if (held?.key === keyOf(query, args)) continue;
      if (held !== undefined) this.#remove(identifier);
      this.#add(identifier, { query, args, journal: undefined });
    }
    for (const identifier of [...this.#held.keys()]) {
      if (!(identifier in queries)) this.#remove(identifier);
    }
  }

  /** Switches to a new watch factory (a new client), keeping each query's journal. */
  setCreateWatch(createWatch: CreateWatch): void {
    this.#createWatch = createWatch;
    for (const [identifier, { query, args, watch }] of [...this.#held]) {
      const journal = watch.journal();
      this.#remove(identifier);
      this.#add(identifier, { query, args, journal });
    }
  }

  /** Adds a listener for result changes; returns its remover. */
  subscribe(listener: () => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /**
   * The current result per identifier: the value, `undefined` while loading, or the `Error` the
   * query failed with.
   */
  getLocalResults(queries: QueriesRequest): Record<string, Value | undefined | Error> {
    const results: Record<string, Value | undefined | Error> = {};
    for (const [identifier, { query, args }] of Object.entries(queries)) {
      // A fresh watch only reads; it does not subscribe.
      const watch = this.#createWatch(query, args, undefined);
      try {
        results[identifier] = watch.localQueryResult();
      } catch (error) {
        if (!(error instanceof Error)) throw error;
        results[identifier] = error;
      }
    }
    return results;
  }

  /** Drops every subscription and listener. */
  destroy(): void {
    for (const identifier of [...this.#held.keys()]) this.#remove(identifier);
    this.#listeners = new Set();
  }

  #add(
    identifier: string,
    {
      query,
      args,
      journal,
    }: { query: QueryReference; args: Record<string, Value>; journal: QueryJournal | undefined },
  ): void {
    const watch = this.#createWatch(query, args, journal);
    const unsubscribe = watch.onUpdate(() => {
      for (const listener of [...this.#listeners]) listener();
    });
    this.#held.set(identifier, { query, args, key: keyOf(query, args), watch, unsubscribe });
  }

  #remove(identifier: string): void {
    this.#held.get(identifier)?.unsubscribe();
    this.#held.delete(identifier);
  }
}
