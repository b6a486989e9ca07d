import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import type { Database } from '../database.ts';
import { isDatabaseError } from '../errors/database-error.ts';
import { applySchema } from '../schema/schema-change.ts';
import { driverMatrix, TestDatabase } from '../test-support/test-database.ts';

const matrix = await driverMatrix();

const tableNumbers = (db: Database): Record<string, number> =>
  Object.fromEntries([...db.catalog.tables()].map((table) => [table.name, table.number]));
const indexIds = (db: Database): Record<string, number> =>
  Object.fromEntries(
    [...db.catalog.tables()].flatMap((table) =>
      db.catalog
        .indexesOf(table.number)
        .map((index) => [`${table.name}.${index.name}`, index.indexId]),
    ),
  );

describe.each(matrix)('transactions on $name', ({ driver, skip }) => {
  let t: TestDatabase;
  beforeEach(async () => {
    if (!skip) t = await TestDatabase.create(driver);
  });
  afterEach(async () => {
    if (!skip) await t.dispose();
  });

  test.skipIf(skip)('inserts, reads its own writes, commits and reads back', async () => {
    const tx = t.db.begin();
    const id = await tx.insert('messages', { body: 'hello', n: 1n });
    const own = await tx.get(id);
    expect(own?.value).toMatchObject({ body: 'hello', n: 1n, _id: id });
    const { ts } = await tx.commit();
    expect(ts).toBeGreaterThan(0n);
    const read = t.db.begin({ readOnly: true });
    const doc = await read.get(id);
    expect(doc?.json).toContain('"body":"hello"');
    expect(doc?.value['_creationTime']).toBeTypeOf('number');
    expect(id).toMatch(/^j57/);
  });

  test.skipIf(skip)('patch removes fields given as undefined; replace and delete', async () => {
    const id = await t.db.runMutation((tx) => tx.insert('items', { a: 1, b: 2 }));
    await t.db.runMutation((tx) => tx.patch(id, { a: undefined, c: 3 }));
    let doc = await t.db.begin().get(id);
    expect(doc?.value).toMatchObject({ b: 2, c: 3 });
    expect(doc?.value).not.toHaveProperty('a');
    await t.db.runMutation((tx) => tx.replace(id, { z: true }));
    doc = await t.db.begin().get(id);
    expect(Object.keys(doc!.value).sort()).toEqual(['_creationTime', '_id', 'z']);
    await t.db.runMutation((tx) => tx.delete(id));
    expect(await t.db.begin().get(id)).toBeNull();
  });

  test.skipIf(skip)('_creationTime increases strictly within a transaction', async () => {
    const tx = t.db.begin();
    const ids = [];
    for (let i = 0; i < 5; i++) ids.push(await tx.insert('ordered', { i }));
    const times = await Promise.all(ids.map(async (id) => (await tx.get(id))!.creationTime));
    for (let i = 1; i < times.length; i++) expect(times[i]).toBeGreaterThan(times[i - 1]!);
    await tx.commit();
  });

  test.skipIf(skip)(
    'a read-write conflict fails the second commit with a typed, retryable error',
    async () => {
      const id = await t.db.runMutation((tx) => tx.insert('counters', { n: 0 }));
      const a = t.db.begin();
      const b = t.db.begin();
      const da = await a.get(id);
      const db = await b.get(id);
      await a.patch(id, { n: (da!.value['n'] as number) + 1 });
      await b.patch(id, { n: (db!.value['n'] as number) + 1 });
      await a.commit();
      const error = await b.commit().catch((e: unknown) => e);
      expect(isDatabaseError(error, 'OptimisticConcurrencyControlFailure')).toBe(true);
      expect(error).toMatchObject({ retryable: true, tableName: 'counters', documentId: id });
      expect((await t.db.begin().get(id))!.value['n']).toBe(1);
    },
  );

  test.skipIf(skip)('blind inserts into an existing table never conflict', async () => {
    await t.db.runMutation((tx) => tx.insert('log', { i: -1 }));
    const txs = Array.from({ length: 10 }, () => t.db.begin());
    for (const [i, tx] of txs.entries()) await tx.insert('log', { i });
    await Promise.all(txs.map((tx) => tx.commit()));
    expect(await t.db.begin().count('log')).toBe(11);
  });

  test.skipIf(skip)(
    'a query that found nothing still conflicts with a later insert into its range',
    async () => {
      await t.db.runMutation((tx) => tx.insert('users', { name: 'x' }));
      const a = t.db.begin();
      expect(
        await a
          .query({
            source: { type: 'FullTableScan', tableName: 'users', order: 'asc' },
            operators: [{ filter: { $eq: [{ $field: 'name' }, { $literal: 'ada' }] } }],
          })
          .collect(),
      ).toHaveLength(0);
      await a.insert('audit', { saw: 'none' });
      await t.db.runMutation((tx) => tx.insert('users', { name: 'ada' }));
      await expect(a.commit()).rejects.toMatchObject({
        code: 'OptimisticConcurrencyControlFailure',
      });
    },
  );

  test.skipIf(skip)(
    'timestamps survive a reopen and keep increasing; data is recovered',
    async () => {
      const id = await t.db.runMutation((tx) => tx.insert('durable', { v: 'kept' }));
      const before = t.db.latestTs;
      const db = await t.reopen();
      expect(db.latestTs).toBeGreaterThanOrEqual(before);
      expect((await db.begin().get(id))?.value['v']).toBe('kept');
      const { ts } = await (async () => {
        const tx = db.begin();
        await tx.insert('durable', { v: 'after' });
        return tx.commit();
      })();
      expect(ts).toBeGreaterThan(before);
      expect(await db.begin().count('durable')).toBe(2);
    },
  );

  test.skipIf(skip)(
    'table numbers and index ids survive a reopen; later tables get fresh numbers',
    async () => {
      const alpha = await t.db.runMutation(async (tx) => {
        await tx.insert('beta', {});
        return tx.insert('alpha', {});
      });
      await applySchema(t.db, {
        tables: [
          {
            tableName: 'gamma',
            indexes: [{ indexDescriptor: 'by_x', fields: ['x'] }],
            documentType: null,
          },
        ],
        schemaValidation: false,
      });
      const before = { tables: tableNumbers(t.db), indexes: indexIds(t.db) };
      expect(Object.keys(before.tables)).toEqual(
        expect.arrayContaining(['_tables', '_index', 'alpha', 'beta', 'gamma']),
      );
      expect(before.indexes['gamma.by_x']).toBeTypeOf('number');
      const db = await t.reopen();
      expect(tableNumbers(db)).toEqual(before.tables);
      expect(indexIds(db)).toEqual(before.indexes);
      // Ids carry the table number, so old ids still resolve to their table.
      expect((await db.begin().get(alpha, { table: 'alpha' }))?.id).toBe(alpha);
      await db.runMutation((tx) => tx.insert('delta', {}));
      const used = Object.values(before.tables);
      const delta = db.catalog.tableByName('delta')!.number;
      expect(used).not.toContain(delta);
      expect(delta).toBeGreaterThan(before.tables['gamma']!);
      // And once more: the new table keeps its number too.
      const again = await t.reopen();
      expect(tableNumbers(again)).toEqual({ ...before.tables, delta });
    },
  );

  test.skipIf(skip)('checkpoints roll back just the nested writes', async () => {
    const tx = t.db.begin();
    const kept = await tx.insert('nested', { v: 1 });
    const cp = tx.checkpoint();
    const dropped = await tx.insert('nested', { v: 2 });
    await tx.patch(kept, { v: 10 });
    tx.rollbackTo(cp);
    expect(await tx.get(dropped)).toBeNull();
    expect((await tx.get(kept))?.value['v']).toBe(1);
    await tx.commit();
    expect(await t.db.begin().count('nested')).toBe(1);
  });

  test.skipIf(skip)(
    'system tables exist, take system writes, and are kept apart from user reads',
    async () => {
      const catalog = t.db.catalog;
      for (const name of ['_tables', '_index', '_schemas', '_scheduled_functions', '_storage']) {
        expect(catalog.tableByName(name)?.number).toBeGreaterThanOrEqual(513);
      }
      const id = await t.db.runMutation((tx) =>
        tx.insert('_storage', { sha256: 'abc', size: 3 }, { system: true }),
      );
      const tx = t.db.begin({ readOnly: true });
      expect((await tx.get(id, { isSystem: true }))?.value['size']).toBe(3);
      await expect(tx.get(id, { isSystem: false })).rejects.toMatchObject({ code: 'InvalidTable' });
      await expect(
        t.db.runMutation((w) => w.insert('_tables', {}, { system: true })),
      ).rejects.toMatchObject({ code: 'InvalidTable' });
      const user = await t.db.runMutation((w) => w.insert('files', { storageId: id }));
      expect(user).toMatch(/^j57/);
      expect(tx.normalizeId('_storage', id)).toBe(id);
      expect(tx.normalizeId('files', id)).toBeNull();
      expect(tx.metrics().documentsRead.used).toBeGreaterThan(0);
    },
  );
});
