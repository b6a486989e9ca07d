// The signatures mirror convex/browser's exactly, `any` defaults included.
/* eslint-disable @typescript-eslint/no-explicit-any */
import type {
  FunctionArgs,
  FunctionReference,
  FunctionReference_future,
  FunctionReturnType,
  OptionalRestArgs,
} from '../../server/api/function-reference.ts';
import type { Value } from '@selfhost/values';

/**
 * The query results an optimistic update may read and overwrite. Treat values as immutable:
 * build new objects instead of editing the ones you read.
 *
 * @example
 * ```ts
 * const update: OptimisticUpdate<{ body: string }> = (store, { body }) => {
 *   const list = store.getQuery(api.messages.list, {});
 *   if (list !== undefined) store.setQuery(api.messages.list, {}, [...list, { body }]);
 * };
 * ```
 */
export interface OptimisticLocalStore {
  /** The current (possibly optimistic) result of a query, or `undefined` if not loaded or failed. */
  getQuery<TQuery extends FunctionReference<'query'> | FunctionReference_future<'query'>>(
    query: TQuery,
    ...args: OptionalRestArgs<TQuery>
  ): undefined | FunctionReturnType<TQuery>;

  /** The arguments and results of every loaded query of this function. */
  getAllQueries<TQuery extends FunctionReference<'query'> | FunctionReference_future<'query'>>(
    query: TQuery,
  ): { args: FunctionArgs<TQuery>; value: undefined | FunctionReturnType<TQuery> }[];

  /** Sets a query's result; `undefined` makes it look loading. */
  setQuery<TQuery extends FunctionReference<'query'> | FunctionReference_future<'query'>>(
    query: TQuery,
    args: FunctionArgs<TQuery>,
    value: undefined | FunctionReturnType<TQuery>,
  ): void;
}

/**
 * A temporary local change to query results made along with a mutation. It is replayed on top
 * of every new server result while the mutation is pending, and dropped when the mutation fails
 * or once its writes are in the query results. Must be synchronous.
 *
 * @example
 * ```ts
 * const bump: OptimisticUpdate<{ id: string }> = (store) => {
 *   const n = store.getQuery(api.counter.get, {});
 *   if (n !== undefined) store.setQuery(api.counter.get, {}, n + 1);
 * };
 * ```
 */
export type OptimisticUpdate<TArgs extends Record<string, Value>> = (
  localQueryStore: OptimisticLocalStore,
  args: TArgs,
) => void;

/** @internal An optimistic update with any arguments. @example const u: AnyOptimisticUpdate = () => {}; */
export type AnyOptimisticUpdate = OptimisticUpdate<any>;
