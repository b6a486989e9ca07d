import { jsonToConvex, type JSONValue, type Value } from '@selfhost/values';
import { useMemo } from 'react';
import type {
  FunctionReference,
  FunctionReference_future,
  FunctionReturnType,
} from '../server/api/function-reference.ts';
import { makeFunctionReference } from '../server/api/make-function-reference.ts';
import { useQuery } from './use-query.ts';

/**
 * A query result fetched on the server (`preloadQuery` of the Next.js binding), to hand to a
 * client component.
 *
 * @example
 * ```ts
 * function Tasks(props: { preloaded: Preloaded<typeof api.tasks.list> }) {}
 * ```
 */
export type Preloaded<
  TQuery extends FunctionReference<'query'> | FunctionReference_future<'query'>,
> = {
  __type: TQuery;
  _name: string;
  _argsJSON: string;
  _valueJSON: string;
};

/**
 * Renders a {@link Preloaded} result at once, then keeps it live like {@link useQuery}.
 *
 * @example
 * ```ts
 * const tasks = usePreloadedQuery(props.preloaded);
 * ```
 */
export function usePreloadedQuery<
  TQuery extends FunctionReference<'query'> | FunctionReference_future<'query'>,
>(preloadedQuery: Preloaded<TQuery>): FunctionReturnType<TQuery> {
  const args = useMemo(
    () => jsonToConvex(JSON.parse(preloadedQuery._argsJSON) as JSONValue),
    [preloadedQuery._argsJSON],
  );
  const preloaded = useMemo(
    () => jsonToConvex(JSON.parse(preloadedQuery._valueJSON) as JSONValue),
    [preloadedQuery._valueJSON],
  );
  const live: unknown = useQuery(
    makeFunctionReference<'query'>(preloadedQuery._name),
    args as Record<string, Value>,
  );
  return live === undefined ? preloaded : live;
}
