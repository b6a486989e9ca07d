import { describe, expect, test } from 'vitest';
import { makeFunctionReference } from '../../server/api/make-function-reference.ts';
import type { FunctionResult } from './function-result.ts';
import { OptimisticQueryResults, type QueryResultsMap } from './optimistic-query-results.ts';
import { queryTokenOf } from './query-token.ts';

const list = makeFunctionReference<'query', { channel: string }, string[]>('messages:list');
const count = makeFunctionReference<'query', Record<string, never>, number>('messages:count');
const general = queryTokenOf('messages:list', { channel: 'general' });
const countToken = queryTokenOf('messages:count', {});

function server(values: Record<string, string[] | number>): QueryResultsMap {
  const map: QueryResultsMap = new Map();
  for (const [channel, value] of Object.entries(values)) {
    const result: FunctionResult = { success: true, value, logLines: [] };
    if (channel === 'count') map.set(countToken, { udfPath: 'messages:count', args: {}, result });
    else
      map.set(queryTokenOf('messages:list', { channel }), {
        udfPath: 'messages:list',
        args: { channel },
        result,
      });
  }
  return map;
}

const append =
  (body: string) =>
  (store: Parameters<Parameters<OptimisticQueryResults['applyOptimisticUpdate']>[0]>[0]) => {
    const messages = store.getQuery(list, { channel: 'general' });
    if (messages !== undefined) store.setQuery(list, { channel: 'general' }, [...messages, body]);
  };

describe('OptimisticQueryResults', () => {
  test('layers pending updates over server results, replays them on new results, drops finished ones', () => {
    const view = new OptimisticQueryResults();
    view.ingestQueryResultsFromServer(server({ general: ['a'] }), new Set());
    expect(view.applyOptimisticUpdate(append('b'), 0)).toEqual([general]);
    expect(view.applyOptimisticUpdate(append('c'), 1)).toEqual([general]);
    expect(view.queryResult(general)).toEqual(['a', 'b', 'c']);
    // The server sends a newer result (someone else's 'x'): both updates replay on top, in order.
    expect(view.ingestQueryResultsFromServer(server({ general: ['a', 'x'] }), new Set())).toEqual([
      general,
    ]);
    expect(view.queryResult(general)).toEqual(['a', 'x', 'b', 'c']);
    // Mutation 0 is reflected (its 'b' is in the server result): its update goes, 1's stays.
    view.ingestQueryResultsFromServer(server({ general: ['a', 'x', 'b'] }), new Set([0]));
    expect(view.queryResult(general)).toEqual(['a', 'x', 'b', 'c']);
    // Mutation 1 failed: rolled back to the server's result.
    view.ingestQueryResultsFromServer(server({ general: ['a', 'x', 'b'] }), new Set([1]));
    expect(view.queryResult(general)).toEqual(['a', 'x', 'b']);
  });

  test('reports no change for untouched server results and a change for rolled-back optimistic-only queries', () => {
    const view = new OptimisticQueryResults();
    const base = server({ general: ['a'], count: 1 });
    view.ingestQueryResultsFromServer(base, new Set());
    expect(view.ingestQueryResultsFromServer(base, new Set())).toEqual([]);
    view.applyOptimisticUpdate((store) => store.setQuery(count, {}, undefined), 0);
    expect(view.queryResult(countToken)).toBeUndefined(); // made to look loading
    view.applyOptimisticUpdate((store) => store.setQuery(list, { channel: 'new' }, ['z']), 1);
    const newChannel = queryTokenOf('messages:list', { channel: 'new' });
    expect(view.queryResult(newChannel)).toEqual(['z']);
    expect(view.ingestQueryResultsFromServer(base, new Set([0, 1])).sort()).toEqual(
      [countToken, newChannel].sort(),
    );
    expect(view.queryResult(countToken)).toBe(1);
    expect(view.hasQueryResult(newChannel)).toBe(false);
  });

  test('throws a failed query as [CONVEX Q(path)] error, and optimistic updates see it as loading', () => {
    const view = new OptimisticQueryResults();
    const failed: QueryResultsMap = new Map([
      [
        general,
        {
          udfPath: 'messages:list',
          args: { channel: 'general' },
          result: { success: false, errorMessage: 'boom', logLines: [] },
        },
      ],
    ]);
    view.ingestQueryResultsFromServer(failed, new Set());
    expect(() => view.queryResult(general)).toThrowErrorMatchingInlineSnapshot(`
      [Error: [CONVEX Q(messages:list)] boom
        Called by client]
    `);
    let seen: unknown = 'untouched';
    view.applyOptimisticUpdate((store) => (seen = store.getQuery(list, { channel: 'general' })), 0);
    expect(seen).toBeUndefined();
    expect(view.applyOptimisticUpdate((store) => store.getAllQueries(list), 1)).toEqual([]);
  });
});
