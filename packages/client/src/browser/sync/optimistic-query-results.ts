import { canonicalizeUdfPath } from '@selfhost/protocol';
import type { Value } from '@selfhost/values';
import type {
  FunctionArgs,
  FunctionReference,
  FunctionReference_future,
  FunctionReturnType,
  OptionalRestArgs,
} from '../../server/api/function-reference.ts';
import { getFunctionName } from '../../server/api/get-function-name.ts';
import { functionError } from '../logging/function-error.ts';
import type { FunctionResult } from './function-result.ts';
import type { OptimisticLocalStore } from './optimistic-local-store.ts';
import { parseArgs } from './parse-args.ts';
import { queryTokenOf, type QueryToken } from './query-token.ts';

/**
 * One query as the UI sees it: `result` is `undefined` when an optimistic update made it look
 * loading.
 *
 * @example
 * ```ts
 * const entry: QueryResultEntry = { udfPath: 'messages:list', args: {}, result: undefined };
 * ```
 */
export type QueryResultEntry = {
  result: FunctionResult | undefined;
  udfPath: string;
  args: Record<string, Value>;
};

/**
 * Query results keyed by token.
 *
 * @example
 * ```ts
 * const results: QueryResultsMap = new Map();
 * ```
 */
export type QueryResultsMap = Map<QueryToken, QueryResultEntry>;

type QueryReference = FunctionReference<'query'> | FunctionReference_future<'query'>;

/** An optimistic update with its mutation's arguments already bound. */
type BoundUpdate = (store: OptimisticLocalStore) => void;

class LocalStore implements OptimisticLocalStore {
  readonly #results: QueryResultsMap;
  readonly modified: QueryToken[] = [];

  constructor(results: QueryResultsMap) {
    this.#results = results;
  }

  getQuery<TQuery extends QueryReference>(
    query: TQuery,
    ...args: OptionalRestArgs<TQuery>
  ): undefined | FunctionReturnType<TQuery> {
    const entry = this.#results.get(queryTokenOf(getFunctionName(query), parseArgs(args[0])));
    return entry === undefined ? undefined : valueOf(entry.result);
  }

  getAllQueries<TQuery extends QueryReference>(
    query: TQuery,
  ): { args: FunctionArgs<TQuery>; value: undefined | FunctionReturnType<TQuery> }[] {
    const udfPath = canonicalizeUdfPath(getFunctionName(query));
    const found: { args: FunctionArgs<TQuery>; value: undefined | FunctionReturnType<TQuery> }[] =
      [];
    for (const entry of this.#results.values()) {
      if (entry.udfPath !== udfPath) continue;
      found.push({ args: entry.args, value: valueOf(entry.result) });
    }
    return found;
  }

  setQuery<TQuery extends QueryReference>(
    query: TQuery,
    args: FunctionArgs<TQuery>,
    value: undefined | FunctionReturnType<TQuery>,
  ): void {
    const udfPath = canonicalizeUdfPath(getFunctionName(query));
    const queryArgs = parseArgs(args);
    const token = queryTokenOf(udfPath, queryArgs);
    const result: FunctionResult | undefined =
      value === undefined ? undefined : { success: true, value: value as Value, logLines: [] };
    this.#results.set(token, { udfPath, args: queryArgs, result });
    this.modified.push(token);
  }
}

// Optimistic updates see failed queries as loading, so one failed query cannot break them.
function valueOf(result: FunctionResult | undefined): Value | undefined {
  return result?.success === true ? result.value : undefined;
}

/**
 * The query results the UI sees: the server's latest results with the pending mutations'
 * optimistic updates replayed on top, in the order the mutations were made.
 *
 * @example
 * ```ts
 * const view = new OptimisticQueryResults();
 * view.applyOptimisticUpdate((store) => store.setQuery(ref, {}, 1), requestId);
 * view.ingestQueryResultsFromServer(serverResults, new Set([requestId])); // rolls it back
 * ```
 */
export class OptimisticQueryResults {
  #results: QueryResultsMap = new Map();
  #updates: { readonly update: BoundUpdate; readonly requestId: number }[] = [];

  /**
   * Replaces the base with fresh server results, forgets the updates of `finishedRequests`, and
   * replays the rest. Returns the tokens whose result changed.
   */
  ingestQueryResultsFromServer(
    serverResults: QueryResultsMap,
    finishedRequests: ReadonlySet<number>,
  ): QueryToken[] {
    this.#updates = this.#updates.filter(({ requestId }) => !finishedRequests.has(requestId));
    const previous = this.#results;
    this.#results = new Map(serverResults);
    const store = new LocalStore(this.#results);
    for (const { update } of this.#updates) update(store);
    const changed: QueryToken[] = [];
    for (const [token, entry] of this.#results) {
      if (previous.get(token)?.result !== entry.result) changed.push(token);
    }
    // A query that disappeared (an optimistic-only entry rolled back) changed too.
    for (const token of previous.keys()) if (!this.#results.has(token)) changed.push(token);
    return changed;
  }

  /** Applies a new mutation's update now and keeps it for replays; returns the tokens it set. */
  applyOptimisticUpdate(update: BoundUpdate, requestId: number): QueryToken[] {
    this.#updates.push({ update, requestId });
    const store = new LocalStore(this.#results);
    update(store);
    return store.modified;
  }

  /** The result as stored (errors not thrown), or `undefined`. */
  rawQueryResult(token: QueryToken): FunctionResult | undefined {
    return this.#results.get(token)?.result;
  }

  /** The value of a query, `undefined` while loading; throws the query's error if it failed. */
  queryResult(token: QueryToken): Value | undefined {
    const entry = this.#results.get(token);
    const result = entry?.result;
    if (entry === undefined || result === undefined) return undefined;
    if (result.success) return result.value;
    throw functionError({ kind: 'query', udfPath: entry.udfPath }, result);
  }

  /** Whether a result (value or error) is present for the token. */
  hasQueryResult(token: QueryToken): boolean {
    return this.#results.get(token)?.result !== undefined;
  }

  /** The log lines of the query's latest result. */
  queryLogs(token: QueryToken): string[] | undefined {
    return this.#results.get(token)?.result?.logLines;
  }
}
