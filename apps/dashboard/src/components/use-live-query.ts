'use client';
import { useQuery_experimental, type UseQueryResult } from '@selfhost/client/react';
import type { FunctionRef } from '../lib/function-ref.ts';

/**
 * A live query that reports its failure instead of throwing during render, so one failing
 * system function shows a message in its panel instead of taking the page down.
 *
 * @example
 * const tables = useLiveQuery(system.getTableMapping, {});
 * if (tables.status === 'error') return <p>{tables.error.message}</p>;
 */
export function useLiveQuery<TArgs, TResult>(query: FunctionRef<'query', TArgs, TResult>, args: TArgs | 'skip'): UseQueryResult<TResult> {
  return useQuery_experimental({ query: query as never, args: args as never });
}
