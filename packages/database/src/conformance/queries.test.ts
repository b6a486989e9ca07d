import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import type { SerializedQuery } from '../query/serialized-query.ts';
import { applySchema } from '../schema/schema-change.ts';
import { driverMatrix, TestDatabase } from '../test-support/test-database.ts';

const matrix = await driverMatrix();

const schema = {
  tables: [
    {
      tableName: 'people',
      indexes: [
        { indexDescriptor: 'by_age', fields: ['age'] },
        { indexDescriptor: 'by_city_age', fields: ['city', 'age'] },
      ],
      documentType: null,
    },
  ],
  schemaValidation: false,
};

const byAge = (
  range: SerializedQuery['source'] extends infer S
    ? S extends { range: infer R }
      ? R
      : never
    : never,
  order: 'asc' | 'desc' = 'asc',
): SerializedQuery => ({
  source: { type: 'IndexRange', indexName: 'people.by_age', range, order },
  operators: [],
});

describe.each(matrix)('queries on $name', ({ driver, skip }) => {
  let t: TestDatabase;
  beforeEach(async () => {
    if (skip) return;
    t = await TestDatabase.create(driver);
    await applySchema(t.db, schema);
    await t.db.runMutation(async (tx) => {
      const people = [
        { name: 'ada', age: 36, city: 'london' },
        { name: 'bob', age: 25, city: 'paris' },
        { name: 'cy', age: 41, city: 'london' },
        { name: 'dee', city: 'paris' },
        { name: 'eve', age: 25n, city: 'rome' },
        { name: 'fay', age: 'old', city: 'rome' },
      ];
      for (const p of people) await tx.insert('people', p);
    });
  });
  afterEach(async () => {
    if (!skip) await t.dispose();
  });

  const names = async (query: SerializedQuery): Promise<string[]> =>
    (await t.db.begin({ readOnly: true }).query(query).collect()).map(
      (d) => d.value['name'] as string,
    );

  test.skipIf(skip)(
    'orders by the total value order: missing < Int64 < Float64 < string',
    async () => {
      expect(await names(byAge([]))).toEqual(['dee', 'eve', 'bob', 'ada', 'cy', 'fay']);
      expect(await names(byAge([], 'desc'))).toEqual(['fay', 'cy', 'ada', 'bob', 'eve', 'dee']);
    },
  );

  test.skipIf(skip)('eq, gt/gte/lt/lte and undefined in ranges', async () => {
    expect(await names(byAge([{ type: 'Eq', fieldPath: 'age', value: 25 }]))).toEqual(['bob']);
    expect(
      await names(
        byAge([
          { type: 'Gt', fieldPath: 'age', value: 25 },
          { type: 'Lte', fieldPath: 'age', value: 41 },
        ]),
      ),
    ).toEqual(['ada', 'cy']);
    expect(
      await names(
        byAge([
          { type: 'Gte', fieldPath: 'age', value: 25 },
          { type: 'Lt', fieldPath: 'age', value: 41 },
        ]),
      ),
    ).toEqual(['bob', 'ada']);
    expect(
      await names(byAge([{ type: 'Eq', fieldPath: 'age', value: { $undefined: null } }])),
    ).toEqual(['dee']);
    expect(
      await names(byAge([{ type: 'Gt', fieldPath: 'age', value: { $undefined: null } }])),
    ).toHaveLength(5);
    const london: SerializedQuery = {
      source: {
        type: 'IndexRange',
        indexName: 'people.by_city_age',
        range: [
          { type: 'Eq', fieldPath: 'city', value: 'london' },
          { type: 'Gt', fieldPath: 'age', value: 40 },
        ],
        order: 'asc',
      },
      operators: [],
    };
    expect(await names(london)).toEqual(['cy']);
  });

  test.skipIf(skip)('filters use the total order and limits truncate', async () => {
    const query: SerializedQuery = {
      source: { type: 'FullTableScan', tableName: 'people', order: 'asc' },
      operators: [{ filter: { $gt: [{ $field: 'age' }, { $literal: 30 }] } }, { limit: 2 }],
    };
    expect(await names(query)).toEqual(['ada', 'cy']);
    const withArithmetic: SerializedQuery = {
      source: { type: 'FullTableScan', tableName: 'people', order: 'asc' },
      operators: [
        {
          filter: {
            $and: [
              { $eq: [{ $field: 'city' }, { $literal: 'london' }] },
              { $eq: [{ $mod: [{ $field: 'age' }, { $literal: 2 }] }, { $literal: 0 }] },
            ],
          },
        },
      ],
    };
    expect(await names(withArithmetic)).toEqual(['ada']);
  });

  test.skipIf(skip)(
    'a stream reads only what is consumed: a write past .first() does not conflict',
    async () => {
      const a = t.db.begin();
      const first = await a.query(byAge([])).first();
      expect(first?.value['name']).toBe('dee');
      await a.insert('audit', { saw: 'dee' });
      await t.db.runMutation((tx) => tx.insert('people', { name: 'zed', age: 99 }));
      await expect(a.commit()).resolves.toMatchObject({ ts: expect.any(BigInt) });
      const b = t.db.begin();
      await b.query(byAge([])).collect();
      await b.insert('audit', { saw: 'all' });
      await t.db.runMutation((tx) => tx.insert('people', { name: 'zz', age: 100 }));
      await expect(b.commit()).rejects.toMatchObject({
        code: 'OptimisticConcurrencyControlFailure',
        tableName: 'people',
      });
    },
  );

  test.skipIf(skip)("index scans merge the transaction's own writes", async () => {
    const tx = t.db.begin();
    const bob = (await tx.query(byAge([{ type: 'Eq', fieldPath: 'age', value: 25 }])).first())!;
    await tx.patch(bob.id, { age: 50 });
    await tx.insert('people', { name: 'gus', age: 30 });
    const names2 = (await tx.query(byAge([])).collect()).map((d) => d.value['name']);
    expect(names2).toEqual(['dee', 'eve', 'gus', 'ada', 'cy', 'bob', 'fay']);
    const desc = (await tx.query(byAge([], 'desc')).collect()).map((d) => d.value['name']);
    expect(desc).toEqual([...names2].reverse());
    expect(await tx.count('people')).toBe(7);
    tx.abort();
  });

  test.skipIf(skip)(
    'paginates with stable, deterministic cursors and isDone semantics',
    async () => {
      const query = byAge([]);
      const seen: string[] = [];
      let cursor: string | null = null;
      let pages = 0;
      for (;;) {
        const tx = t.db.begin({ readOnly: true });
        const page = await tx.queryPage(query, { cursor, numItems: 2 });
        const again = await t.db
          .begin({ readOnly: true })
          .queryPage(query, { cursor, numItems: 2 });
        expect(again.continueCursor).toBe(page.continueCursor);
        seen.push(...page.page.map((d) => d.value['name'] as string));
        pages++;
        if (page.isDone) {
          expect(page.page).toHaveLength(0);
          break;
        }
        cursor = page.continueCursor;
        // Concurrent writes before the cursor do not shift later pages.
        if (pages === 1)
          await t.db.runMutation((tx2) => tx2.insert('people', { name: 'early', age: 1n }));
      }
      expect(seen).toEqual(['dee', 'eve', 'bob', 'ada', 'cy', 'fay']);
      expect(pages).toBe(4);
    },
  );

  test.skipIf(skip)(
    'later pages follow deletes, patches and inserts on both sides of the cursor',
    async () => {
      const query = byAge([]);
      const page = (cursor: string | null) =>
        t.db.begin({ readOnly: true }).queryPage(query, { cursor, numItems: 2 });
      const first = await page(null);
      expect(first.page.map((d) => d.value['name'])).toEqual(['dee', 'eve']);
      const id = async (name: string) =>
        (await t.db
          .begin()
          .query({
            source: { type: 'FullTableScan', tableName: 'people', order: 'asc' },
            operators: [{ filter: { $eq: [{ $field: 'name' }, { $literal: name }] } }],
          })
          .first())!.id;
      const [dee, eve, ada, cy, fay] = await Promise.all(
        ['dee', 'eve', 'ada', 'cy', 'fay'].map(id),
      );
      await t.db.runMutation(async (tx) => {
        await tx.delete(dee!); // before the cursor: later pages do not shift
        await tx.delete(cy!); // after it: simply gone
        await tx.patch(ada!, { city: 'oslo' }); // after it, same key: the new value shows
        await tx.patch(fay!, { age: 1n }); // moves before the cursor: not seen again
        await tx.patch(eve!, { age: 99 }); // moves from before to after: seen again
        await tx.insert('people', { name: 'gil', age: 30 }); // after it: shows in place
      });
      const rest: [unknown, unknown][] = [];
      let cursor: string | null = first.continueCursor;
      for (;;) {
        const next = await page(cursor);
        rest.push(...next.page.map((d): [unknown, unknown] => [d.value['name'], d.value['city']]));
        if (next.isDone) break;
        cursor = next.continueCursor;
      }
      expect(rest).toEqual([
        ['bob', 'paris'],
        ['gil', undefined],
        ['ada', 'oslo'],
        ['eve', 'rome'],
      ]);
    },
  );

  test.skipIf(skip)('take(n) reads a prefix and the stream goes on from there', async () => {
    const stream = t.db.begin({ readOnly: true }).query(byAge([]));
    const names2 = async (n: number) => (await stream.take(n)).map((d) => d.value['name']);
    expect(await names2(0)).toEqual([]);
    expect(await names2(2)).toEqual(['dee', 'eve']);
    expect(await names2(1)).toEqual(['bob']);
    expect(await names2(10)).toEqual(['ada', 'cy', 'fay']);
    expect(await names2(10)).toEqual([]);
    expect(stream.close()).toBe(true);
    // With a limit operator, take stops at the limit.
    const limited = t.db.begin().query({ ...byAge([], 'desc'), operators: [{ limit: 2 }] });
    expect((await limited.take(5)).map((d) => d.value['name'])).toEqual(['fay', 'cy']);
  });

  test.skipIf(skip)('unique() gives the only match, null, or the first two of many', async () => {
    const tx = t.db.begin({ readOnly: true });
    const eq = (value: number) => tx.query(byAge([{ type: 'Eq', fieldPath: 'age', value }]));
    const one = await eq(25).unique();
    expect('document' in one && one.document?.value['name']).toBe('bob');
    expect(await eq(7).unique()).toEqual({ document: null });
    const many = tx.query(byAge([{ type: 'Gt', fieldPath: 'age', value: 30 }]));
    const result = await many.unique();
    expect('tooMany' in result && result.tooMany.map((d) => d.value['name'])).toEqual([
      'ada',
      'cy',
    ]);
    // unique() closes its stream.
    expect(await many.next()).toBeNull();
    expect(many.close()).toBe(false);
  });

  test.skipIf(skip)('endCursor, maximumRowsRead and splitCursor', async () => {
    const query = byAge([]);
    const first = await t.db.begin().queryPage(query, { cursor: null, numItems: 3 });
    const refetch = await t.db
      .begin()
      .queryPage(query, { cursor: null, endCursor: first.continueCursor, numItems: 1 });
    expect(refetch.page.map((d) => d.value['name'])).toEqual(['dee', 'eve', 'bob']);
    expect(refetch.continueCursor).toBe(first.continueCursor);
    expect(refetch.isDone).toBe(false);
    const split = await t.db.begin().queryPage(
      {
        ...query,
        operators: [{ filter: { $eq: [{ $field: 'city' }, { $literal: 'nowhere' }] } }],
      },
      { cursor: null, numItems: 10, maximumRowsRead: 4 },
    );
    expect(split).toMatchObject({ page: [], isDone: false, pageStatus: 'SplitRequired' });
    const all = await t.db.begin().queryPage(query, { cursor: null, numItems: 10 });
    expect(all.isDone).toBe(true);
    expect(all.splitCursor).not.toBeNull();
    const lower = await t.db
      .begin()
      .queryPage(query, { cursor: null, endCursor: all.splitCursor, numItems: 1 });
    const upper = await t.db
      .begin()
      .queryPage(query, { cursor: all.splitCursor, endCursor: all.continueCursor, numItems: 1 });
    expect([...lower.page, ...upper.page].map((d) => d.value['name'])).toEqual(
      all.page.map((d) => d.value['name']),
    );
  });
});
