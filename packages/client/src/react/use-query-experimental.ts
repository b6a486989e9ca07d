import { convexToJson, type Value } from '@selfhost/values';
import { useMemo } from 'react';
import { parseArgs } from '../browser/sync/parse-args.ts';
import type {
  FunctionArgs,
  FunctionReference,
  FunctionReference_future,
  FunctionReturnType,
} from '../server/api/function-reference.ts';
import { getFunctionName } from '../server/api/get-function-name.ts';
import { makeFunctionReference } from '../server/api/make-function-reference.ts';
import type { QueriesRequest } from './queries-observer.ts';
import { useQueries } from './use-queries.ts';

/**
 * The result of {@link useQuery_experimental}: pending, success with `data`, or (unless
 * `throwOnError`) error.
 *
 * @example
 * ```ts
 * const state: UseQueryResult<string[]> = { status: 'success', data: [] };
 * ```
 */
export type UseQueryResult<TResult, TThrowOnError extends boolean = false> =
  | { status: 'pending' }
  | { status: 'success'; data: TResult }
  | (TThrowOnError extends true ? never : { status: 'error'; error: Error });

/**
 * {@link useQuery} with one options object and an explicit status instead of `undefined`.
 *
 * @example
 * ```ts
 * const state = useQuery_experimental({ query: api.tasks.list, args: {} });
 * if (state.status === 'success') render(state.data);
 * ```
 */
export function useQuery_experimental<
  TQuery extends FunctionReference<'query'> | FunctionReference_future<'query'>,
  TThrowOnError extends boolean = false,
>(options: {
  query: TQuery;
  args: FunctionArgs<TQuery> | 'skip';
  throwOnError?: TThrowOnError;
}): UseQueryResult<FunctionReturnType<TQuery>, TThrowOnError> {
  const reference =
    typeof options.query === 'string'
      ? makeFunctionReference<'query'>(options.query)
      : options.query;
  const skip = options.args === 'skip';
  const argsObject: Record<string, Value> = skip ? {} : parseArgs(options.args);
  const name = getFunctionName(reference);
  const argsKey = JSON.stringify(convexToJson(argsObject));
  const queries = useMemo<QueriesRequest>(
    () => (skip ? {} : { query: { query: reference, args: argsObject } }),
    // By name and serialized args, not identity.
    [argsKey, name, skip],
  );
  const result: unknown = useQueries(queries).query;
  if (result instanceof Error) {
    if (options.throwOnError === true) throw result;
    return { status: 'error', error: result } as UseQueryResult<
      FunctionReturnType<TQuery>,
      TThrowOnError
    >;
  }
  if (result === undefined) return { status: 'pending' };
  return { status: 'success', data: result as FunctionReturnType<TQuery> };
}
