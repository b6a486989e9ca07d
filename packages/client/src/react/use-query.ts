import { convexToJson } from '@selfhost/values';
import { useMemo } from 'react';
import { parseArgs } from '../browser/sync/parse-args.ts';
import type {
  FunctionArgs,
  FunctionReference,
  FunctionReference_future,
  FunctionReturnType,
} from '../server/api/function-reference.ts';
import type { EmptyObject } from '../server/functions/function-args.ts';
import { getFunctionName } from '../server/api/get-function-name.ts';
import { makeFunctionReference } from '../server/api/make-function-reference.ts';
import type { QueriesRequest } from './queries-observer.ts';
import { useQueries } from './use-queries.ts';

/**
 * The arguments of a hook call: the function's arguments (optional when it takes none) or
 * `"skip"` to not run it.
 *
 * @example
 * ```ts
 * function useMaybe<TQuery extends FunctionReference<'query'>>(q: TQuery, ...args: OptionalRestArgsOrSkip<TQuery>) {}
 * ```
 */
// `any`: references of every kind.
/* eslint-disable @typescript-eslint/no-explicit-any */
export type OptionalRestArgsOrSkip<
  TReference extends FunctionReference<any> | FunctionReference_future<any>,
> =
  FunctionArgs<TReference> extends EmptyObject
    ? [args?: EmptyObject | 'skip']
    : [args: FunctionArgs<TReference> | 'skip'];
/* eslint-enable @typescript-eslint/no-explicit-any */

/**
 * Subscribes to a query and re-renders when its result changes. Returns `undefined` while
 * loading (and when skipped), throws the query's error. Arguments are compared by value, so an
 * inline object does not resubscribe.
 *
 * @example
 * ```ts
 * const messages = useQuery(api.messages.list, { channel });
 * const profile = useQuery(api.users.get, userId ? { userId } : 'skip');
 * ```
 */
export function useQuery<
  TQuery extends FunctionReference<'query'> | FunctionReference_future<'query'>,
>(query: TQuery, ...args: OptionalRestArgsOrSkip<TQuery>): FunctionReturnType<TQuery> | undefined {
  const skip = args[0] === 'skip';
  const argsObject = skip ? {} : parseArgs(args[0]);
  const reference = typeof query === 'string' ? makeFunctionReference<'query'>(query) : query;
  const name = getFunctionName(reference);
  const argsKey = JSON.stringify(convexToJson(argsObject));
  const queries = useMemo<QueriesRequest>(
    () => (skip ? {} : { query: { query: reference, args: argsObject } }),
    // By name and serialized args, not identity (see above).
    [argsKey, name, skip],
  );
  const result: unknown = useQueries(queries).query;
  if (result instanceof Error) throw result;
  return result;
}
