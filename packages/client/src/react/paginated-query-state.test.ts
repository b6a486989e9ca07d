import { ConvexError } from '@selfhost/values';
import { describe, expect, test } from 'vitest';
import { makeFunctionReference } from '../server/api/make-function-reference.ts';
import {
  applyPaginationAction,
  initialPaginationState,
  loadMorePage,
  readPages,
} from './paginated-query-state.ts';

const query = makeFunctionReference<'query'>('messages:list');
const start = () =>
  initialPaginationState({ query, args: { channel: 'a' }, id: 7, initialNumItems: 2, skip: false });
const page = (
  items: number[],
  rest: {
    isDone?: boolean;
    continueCursor?: string;
    splitCursor?: string;
    pageStatus?: string;
  } = {},
) => ({
  page: items,
  isDone: rest.isDone ?? false,
  continueCursor: rest.continueCursor ?? `after-${items.at(-1)}`,
  ...(rest.splitCursor === undefined ? {} : { splitCursor: rest.splitCursor }),
  ...(rest.pageStatus === undefined ? {} : { pageStatus: rest.pageStatus }),
});

describe('pagination state', () => {
  test('starts with one page at cursor null carrying the pagination id', () => {
    expect(start().queries).toEqual({
      0: { query, args: { channel: 'a', paginationOpts: { numItems: 2, cursor: null, id: 7 } } },
    });
    expect(
      initialPaginationState({ query, args: {}, id: 1, initialNumItems: 2, skip: true }).pageKeys,
    ).toEqual([]);
  });

  test('concatenates loaded pages in order and stops at the first one still loading', () => {
    let state = start();
    state = loadMorePage(state, { numItems: 3, cursor: 'after-2' });
    state = loadMorePage(state, { numItems: 3, cursor: 'after-5' });
    expect(state.pageKeys).toEqual([0, 1, 2]);
    expect(state.queries[2]?.args.paginationOpts).toEqual({
      numItems: 3,
      cursor: 'after-5',
      id: 7,
    });
    const view = readPages(state, { 0: page([1, 2]), 2: page([6]) }, { initialNumItems: 2 });
    expect(view.items).toEqual([1, 2]);
    expect(view.lastPage).toBeUndefined(); // page 1 is loading: status LoadingMore
    const done = readPages(
      state,
      { 0: page([1, 2]), 1: page([3, 4, 5]), 2: page([6], { isDone: true }) },
      { initialNumItems: 2 },
    );
    expect(done.items).toEqual([1, 2, 3, 4, 5, 6]);
    expect(done.lastPage?.isDone).toBe(true);
    expect(done.actions).toEqual([]);
  });

  test('splits a page that grew past twice initialNumItems (or that the server asks to split) and swaps the halves in', () => {
    let state = start();
    const big = page([1, 2, 3, 4, 5], { splitCursor: 'after-2', continueCursor: 'after-5' });
    const first = readPages(state, { 0: big }, { initialNumItems: 2 });
    expect(first.items).toEqual([1, 2, 3, 4, 5]); // shown while the split loads
    expect(first.actions).toEqual([
      { type: 'split', pageKey: 0, splitCursor: 'after-2', continueCursor: 'after-5' },
    ]);
    state = applyPaginationAction(state, first.actions[0] as never);
    expect(state.queries[1]?.args.paginationOpts).toEqual({
      numItems: 2,
      cursor: null,
      endCursor: 'after-2',
      id: 7,
    });
    expect(state.queries[2]?.args.paginationOpts).toEqual({
      numItems: 2,
      cursor: 'after-2',
      endCursor: 'after-5',
      id: 7,
    });
    expect(applyPaginationAction(state, first.actions[0] as never)).toBe(state); // already splitting
    // One half loaded: keep showing the big page.
    expect(readPages(state, { 0: big, 1: page([1, 2]) }, { initialNumItems: 2 }).actions).toEqual(
      [],
    );
    const both = readPages(
      state,
      { 0: big, 1: page([1, 2]), 2: page([3, 4, 5]) },
      { initialNumItems: 2 },
    );
    expect(both.actions).toEqual([{ type: 'completeSplit', pageKey: 0 }]);
    state = applyPaginationAction(state, { type: 'completeSplit', pageKey: 0 });
    expect(state.pageKeys).toEqual([1, 2]);
    expect(Object.keys(state.queries)).toEqual(['1', '2']);
    expect(
      readPages(state, { 1: page([1, 2]), 2: page([3, 4, 5]) }, { initialNumItems: 2 }).items,
    ).toEqual([1, 2, 3, 4, 5]);
    // The server's own recommendation splits a small page too.
    expect(
      readPages(
        start(),
        { 0: page([1], { splitCursor: 's', pageStatus: 'SplitRecommended' }) },
        { initialNumItems: 2 },
      ).actions,
    ).toHaveLength(1);
  });

  test('hides a page the server could not read whole (SplitRequired) until it is split', () => {
    let state = loadMorePage(start(), { numItems: 2, cursor: 'after-2' });
    const view = readPages(
      state,
      { 0: page([1, 2]), 1: page([3], { splitCursor: 's', pageStatus: 'SplitRequired' }) },
      { initialNumItems: 2 },
    );
    expect(view.items).toEqual([1, 2]);
    expect(view.lastPage).toBeUndefined();
    expect(view.actions).toEqual([
      { type: 'split', pageKey: 1, splitCursor: 's', continueCursor: 'after-3' },
    ]);
    state = applyPaginationAction(state, view.actions[0] as never);
    expect(state.nextPageKey).toBe(4);
  });

  test('starts over on an invalid cursor and reports other errors', () => {
    const invalid = readPages(
      start(),
      { 0: new Error('[CONVEX Q(messages:list)] InvalidCursor: gone') },
      { initialNumItems: 2 },
    );
    expect(invalid.actions).toEqual([
      { type: 'reset', reason: '[CONVEX Q(messages:list)] InvalidCursor: gone' },
    ]);
    const systemError = new ConvexError({
      isConvexSystemError: true,
      paginationError: 'InvalidCursor',
    });
    expect(readPages(start(), { 0: systemError }, { initialNumItems: 2 }).actions[0]?.type).toBe(
      'reset',
    );
    const other = new Error('boom');
    expect(readPages(start(), { 0: other }, { initialNumItems: 2 }).error).toBe(other);
  });
});
