import type { Value } from '@selfhost/values';
import { useEffect, useMemo, useState } from 'react';
import type { FunctionReference } from '../server/api/function-reference.ts';
import { QueriesObserver, type CreateWatch, type QueriesRequest } from './queries-observer.ts';
import { useRequiredConvex } from './use-convex.ts';
import { useSubscription } from './use-subscription.ts';

/**
 * The argument of {@link useQueries}: an identifier per query, each with its function reference
 * and arguments.
 *
 * @example
 * ```ts
 * const request: RequestForQueries = { general: { query: api.messages.list, args: { channel: 'general' } } };
 * ```
 */
export type RequestForQueries = Record<
  string,
  { query: FunctionReference<'query'>; args: Record<string, Value> }
>;

function sameResults(a: Record<string, unknown>, b: Record<string, unknown>): boolean {
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  return keys.every((key) => key in b && Object.is(a[key], b[key]));
}

/**
 * Subscribes to a changing set of queries — any number, without breaking the rules of hooks.
 * Returns, per identifier, the result, `undefined` while loading, or the `Error` it failed with.
 * Memoize the argument: a new object with new contents resubscribes.
 *
 * @example
 * ```ts
 * const request = useMemo(() => Object.fromEntries(ids.map((id) => [id, { query: api.users.get, args: { id } }])), [ids]);
 * const users = useQueries(request);
 * ```
 */
// convex/react's return type (`Record<string, any | undefined | Error>`, which is this).
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function useQueries(queries: QueriesRequest): Record<string, any> {
  const convex = useRequiredConvex('useQuery');
  const createWatch = useMemo<CreateWatch>(
    () => (query, args, journal) =>
      convex.watchQuery(query, args, journal === undefined ? {} : { journal }),
    [convex],
  );
  return useQueriesWith(queries, createWatch);
}

/**
 * @internal {@link useQueries} with the watch factory given (tests, other clients).
 *
 * @example
 * ```ts
 * useQueriesWith(request, (query, args) => fakeWatch(query, args));
 * ```
 */
export function useQueriesWith(
  queries: QueriesRequest,
  createWatch: CreateWatch,
): Record<string, Value | undefined | Error> {
  const [observer] = useState(() => new QueriesObserver(createWatch));
  if (observer.createWatch !== createWatch) observer.setCreateWatch(createWatch);
  useEffect(() => () => observer.destroy(), [observer]);
  const source = useMemo(
    () => ({
      getCurrentValue: () => observer.getLocalResults(queries),
      subscribe: (onChange: () => void) => {
        observer.setQueries(queries);
        return observer.subscribe(onChange);
      },
    }),
    [observer, queries],
  );
  return useSubscription(source, sameResults);
}
