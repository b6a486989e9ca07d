import { describe, expect, test } from 'vitest';
import type { RunResult } from '../src/execution/run-types.ts';
import { bundleSources } from './support/bundle-sources.ts';
import { errorOf, TestBackend, valueOf } from './support/test-backend.ts';

// Reactive pagination (compat §3.4, §4.7): a query's journal is the end cursor of its one
// `.paginate()`; a re-run with that journal reads up to the same cursor, so the page keeps its
// boundaries while documents come and go inside it.
const APP = {
  'schema.ts': `
import { defineSchema, defineTable } from 'convex/server';
import { v } from 'convex/values';
export default defineSchema({ items: defineTable({ rank: v.number() }).index('by_rank', ['rank']) });
`,
  'items.ts': `
import { mutationGeneric, paginationOptsValidator, queryGeneric } from 'convex/server';
import { v } from 'convex/values';
export const add = mutationGeneric({ args: { rank: v.number() }, handler: async (ctx, { rank }) => await ctx.db.insert('items', { rank }) });
export const remove = mutationGeneric({
  args: { rank: v.number() },
  handler: async (ctx, { rank }) => {
    const doc = await ctx.db.query('items').withIndex('by_rank', (q) => q.eq('rank', rank)).unique();
    if (doc !== null) await ctx.db.delete(doc._id);
  },
});
export const page = queryGeneric({
  args: { paginationOpts: paginationOptsValidator, fail: v.optional(v.boolean()) },
  handler: async (ctx, args) => {
    const result = await ctx.db.query('items').withIndex('by_rank').paginate(args.paginationOpts);
    if (args.fail === true) throw new Error('failed after paginating');
    return { ...result, page: result.page.map((item) => item.rank) };
  },
});
export const failFirst = queryGeneric({ args: { paginationOpts: paginationOptsValidator }, handler: async () => { throw new Error('failed first'); } });
export const count = queryGeneric({ args: {}, handler: async (ctx) => (await ctx.db.query('items').collect()).length });
`,
};

interface Page {
  readonly page: number[];
  readonly isDone: boolean;
  readonly continueCursor: string;
}

function pageOf(result: RunResult): Page {
  return valueOf(result) as Page;
}

async function withItems(ranks: readonly number[]): Promise<TestBackend> {
  const backend = await TestBackend.start({ modules: await bundleSources(APP) });
  for (const rank of ranks) await backend.mutation('items:add', { rank });
  return backend;
}

const firstThree = { paginationOpts: { numItems: 3, cursor: null } };

describe('pagination journals', () => {
  test('the end cursor of the page is the journal; a re-run with it keeps the boundary', async () => {
    await using backend = await withItems([1, 2, 3, 4, 5, 6]);
    const first = await backend.query('items:page', firstThree);
    expect(pageOf(first).page).toEqual([1, 2, 3]);
    expect(first.journal).toBe(pageOf(first).continueCursor);

    // A document inserted inside the page grows it instead of pushing 3 out.
    await backend.mutation('items:add', { rank: 2.5 });
    const grown = await backend.query('items:page', firstThree, { journal: first.journal ?? null });
    expect(pageOf(grown).page).toEqual([1, 2, 2.5, 3]);
    expect(pageOf(grown).continueCursor).toBe(pageOf(first).continueCursor);
    expect(grown.journal).toBe(first.journal);
    // Without the journal the same arguments read a fresh page of three.
    expect(pageOf(await backend.query('items:page', firstThree)).page).toEqual([1, 2, 2.5]);

    // A deletion shrinks it; 4 stays on the next page.
    await backend.mutation('items:remove', { rank: 1 });
    await backend.mutation('items:remove', { rank: 2 });
    const shrunk = await backend.query('items:page', firstThree, {
      journal: first.journal ?? null,
    });
    expect(pageOf(shrunk).page).toEqual([2.5, 3]);
    expect(shrunk.journal).toBe(first.journal);
  });

  test('an explicit endCursor wins over the journal', async () => {
    await using backend = await withItems([1, 2, 3, 4]);
    const two = pageOf(
      await backend.query('items:page', { paginationOpts: { numItems: 2, cursor: null } }),
    );
    const journal = (await backend.query('items:page', firstThree)).journal ?? null;
    const result = await backend.query(
      'items:page',
      { paginationOpts: { numItems: 3, cursor: null, endCursor: two.continueCursor } },
      { journal },
    );
    expect(pageOf(result).page).toEqual([1, 2]);
    expect(result.journal).toBe(two.continueCursor);
  });

  test('a forged journal is ignored: the page starts afresh', async () => {
    await using backend = await withItems([1, 2, 3, 4]);
    const good = (await backend.query('items:page', firstThree)).journal!;
    const forged = `${good.slice(0, -2)}${good.endsWith('AA') ? 'BB' : 'AA'}`;
    for (const journal of [forged, 'not a cursor']) {
      const result = await backend.query('items:page', firstThree, { journal });
      expect(pageOf(result).page).toEqual([1, 2, 3]);
      expect(result.journal).toBe(good);
    }
  });

  test('a cursor of another query fails with InvalidCursor (so usePaginatedQuery starts over)', async () => {
    await using backend = await withItems([1, 2, 3, 4]);
    const foreign = pageOf(await backend.query('items:page', firstThree)).continueCursor.replace(
      /^(.)/,
      (c) => (c === 'A' ? 'B' : 'A'),
    );
    expect(
      errorOf(
        await backend.query('items:page', { paginationOpts: { numItems: 3, cursor: foreign } }),
      ),
    ).toMatch(/^Uncaught Error: InvalidCursor: Invalid pagination cursor/);
    // Also when a journal was ignored first.
    const withJournal = await backend.query(
      'items:page',
      { paginationOpts: { numItems: 3, cursor: foreign } },
      { journal: 'forged' },
    );
    expect(errorOf(withJournal)).toMatch(/InvalidCursor: /);
  });

  test('a query that does not paginate has no journal; a failure keeps or replaces it', async () => {
    await using backend = await withItems([1, 2, 3, 4]);
    const journal = (await backend.query('items:page', firstThree)).journal!;
    expect((await backend.query('items:count', {}, { journal })).journal).toBeNull();
    const failedFirst = await backend.query('items:failFirst', firstThree, { journal });
    expect(errorOf(failedFirst)).toContain('failed first');
    expect(failedFirst.journal).toBe(journal);
    const failedAfter = await backend.query('items:page', { ...firstThree, fail: true });
    expect(errorOf(failedAfter)).toContain('failed after paginating');
    expect(failedAfter.journal).toBe(journal);
  });
});
