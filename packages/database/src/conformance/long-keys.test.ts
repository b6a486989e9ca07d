import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { applySchema } from '../schema/schema-change.ts';
import { driverMatrix, TestDatabase } from '../test-support/test-database.ts';

const matrix = await driverMatrix();

// Keys longer than the 2,500-byte prefix the servers keep in their btrees: the order among keys
// that share a prefix must still be the exact full-key order, in both directions and in pages.
describe.each(matrix)('long index keys on $name', ({ driver, skip }) => {
  let t: TestDatabase;
  beforeEach(async () => {
    if (skip) return;
    t = await TestDatabase.create(driver);
    await applySchema(t.db, {
      tables: [
        {
          tableName: 'long',
          indexes: [{ indexDescriptor: 'by_s', fields: ['s'] }],
          documentType: null,
        },
      ],
      schemaValidation: false,
    });
  });
  afterEach(async () => {
    if (!skip) await t.dispose();
  });

  test.skipIf(skip)('orders keys that share a long prefix by their full key', async () => {
    const base = 'p'.repeat(2600);
    const suffixes = ['m', 'a', 'z', 'b', 'y', 'c', 'x', 'd'];
    await t.db.runMutation(async (tx) => {
      for (const s of suffixes) await tx.insert('long', { s: base + s });
      await tx.insert('long', { s: 'a short one' });
      await tx.insert('long', { s: 'zz after' });
    });
    // Updates leave old versions behind; deletes leave tombstones.
    const [first] = await t.db
      .begin()
      .query({
        source: {
          type: 'IndexRange',
          indexName: 'long.by_s',
          range: [{ type: 'Eq', fieldPath: 's', value: base + 'x' }],
          order: 'asc',
        },
        operators: [],
      })
      .collect();
    await t.db.runMutation((tx) => tx.patch(first!.id, { s: base + 'w' }));
    const expected = [
      'a short one',
      ...['a', 'b', 'c', 'd', 'm', 'w', 'y', 'z'].map((s) => base + s),
      'zz after',
    ];
    const read = async (order: 'asc' | 'desc', range: object[] = []) =>
      (
        await t.db
          .begin()
          .query({
            source: { type: 'IndexRange', indexName: 'long.by_s', range: range as never, order },
            operators: [],
          })
          .collect()
      ).map((d) => d.value['s']);
    expect(await read('asc')).toEqual(expected);
    expect(await read('desc')).toEqual([...expected].reverse());
    expect(
      await read('asc', [
        { type: 'Gt', fieldPath: 's', value: base + 'c' },
        { type: 'Lte', fieldPath: 's', value: base + 'y' },
      ]),
    ).toEqual(['d', 'm', 'w', 'y'].map((s) => base + s));
    const pages: unknown[] = [];
    let cursor: string | null = null;
    for (;;) {
      const page = await t.db.begin().queryPage(
        {
          source: { type: 'IndexRange', indexName: 'long.by_s', range: [], order: 'desc' },
          operators: [],
        },
        { cursor, numItems: 3 },
      );
      pages.push(...page.page.map((d) => d.value['s']));
      if (page.isDone) break;
      cursor = page.continueCursor;
    }
    expect(pages).toEqual([...expected].reverse());
  });
});
