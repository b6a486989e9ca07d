import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { RetentionService } from '../retention/retention.ts';
import { abandonUnfinishedSchemaChanges, prepareSchemaChange } from '../schema/schema-change.ts';
import { driverMatrix, TestDatabase } from '../test-support/test-database.ts';

const matrix = await driverMatrix();

const tasksSchema = (extra: object[] = [], validation = true) => ({
  tables: [
    {
      tableName: 'tasks',
      indexes: [{ indexDescriptor: 'by_owner', fields: ['owner'] }, ...extra],
      stagedDbIndexes: [],
      searchIndexes: [
        { indexDescriptor: 'search_text', searchField: 'text', filterFields: ['owner'] },
      ],
      vectorIndexes: [],
      documentType: {
        type: 'object',
        value: {
          owner: { fieldType: { type: 'string' }, optional: false },
          text: { fieldType: { type: 'string' }, optional: true },
        },
      },
    },
  ],
  schemaValidation: validation,
});

describe.each(matrix)('schema and retention on $name', ({ driver, skip }) => {
  let t: TestDatabase;
  beforeEach(async () => {
    if (!skip) t = await TestDatabase.create(driver, { retention: { windowMs: 0 } });
  });
  afterEach(async () => {
    if (!skip) await t.dispose();
  });

  test.skipIf(skip)(
    'an abandoned change leaves nothing behind, and the next one works',
    async () => {
      await t.db.runMutation((tx) => tx.insert('tasks', { owner: 'a', text: 'x' }));
      const first = await prepareSchemaChange(t.db, tasksSchema());
      await first.ready();
      await first.abandon();
      expect(
        t.db.catalog.index(t.db.catalog.tableByName('tasks')!.number, 'by_owner'),
      ).toBeUndefined();
      expect(t.db.catalog.activeSchema).toBeNull();
      const second = await prepareSchemaChange(t.db, tasksSchema());
      expect(second.diff.added_indexes.map((i) => i.name)).toEqual([
        'tasks.by_owner',
        'tasks.search_text',
      ]);
      await second.commit({
        alsoWrite: (tx) =>
          tx.insert('tasks', { owner: 'b', text: 'same commit' }).then(() => undefined),
      });
      const byOwner = t.db.catalog.index(t.db.catalog.tableByName('tasks')!.number, 'by_owner');
      expect(byOwner?.state).toBe('enabled');
      expect(await t.db.begin().count('tasks')).toBe(2);
    },
  );

  test.skipIf(skip)('unfinished changes are dropped at open', async () => {
    const pending = await prepareSchemaChange(t.db, tasksSchema());
    await pending.ready();
    await abandonUnfinishedSchemaChanges(t.db);
    expect(
      t.db.catalog.index(t.db.catalog.tableByName('tasks')!.number, 'by_owner'),
    ).toBeUndefined();
    const again = await prepareSchemaChange(t.db, tasksSchema());
    await again.commit();
    expect(t.db.catalog.activeSchema).not.toBeNull();
  });

  test.skipIf(skip)(
    'backfills a new index on a non-empty table, reports progress and the diff',
    async () => {
      await t.db.runMutation(async (tx) => {
        for (let i = 0; i < 1200; i++)
          await tx.insert('tasks', { owner: `o${i % 7}`, text: `t${i}` });
      });
      const change = await prepareSchemaChange(t.db, tasksSchema());
      expect(change.progress.indexesTotal).toBe(1);
      // Writes during the backfill are indexed too; reads are not blocked.
      await t.db.runMutation((tx) => tx.insert('tasks', { owner: 'o3', text: 'during' }));
      expect(await t.db.begin().count('tasks')).toBe(1201);
      const progress = await change.ready();
      expect(progress).toMatchObject({
        state: 'ready',
        indexesComplete: 1,
        validationComplete: true,
        violations: [],
      });
      const diff = await change.commit();
      expect(diff.added_indexes.map((i) => i.name)).toEqual([
        'tasks.by_owner',
        'tasks.search_text',
      ]);
      const o3 = await t.db
        .begin()
        .query({
          source: {
            type: 'IndexRange',
            indexName: 'tasks.by_owner',
            range: [{ type: 'Eq', fieldPath: 'owner', value: 'o3' }],
            order: 'asc',
          },
          operators: [],
        })
        .collect();
      expect(o3).toHaveLength(172);
      expect(o3.at(-1)?.value['text']).toBe('during');
      // Stable after a reopen: the catalog is recovered from the log.
      const db = await t.reopen();
      expect(db.catalog.index(db.catalog.tableByName('tasks')!.number, 'by_owner')?.state).toBe(
        'enabled',
      );
      expect(db.catalog.activeSchema?.schema.tables.has('tasks')).toBe(true);
      // Removing the index drops it.
      const second = await prepareSchemaChange(db, {
        tables: [{ tableName: 'tasks', indexes: [], documentType: null }],
        schemaValidation: false,
      });
      expect((await second.commit()).removed_indexes.map((i) => i.name)).toEqual([
        'tasks.by_owner',
        'tasks.search_text',
      ]);
      expect(db.catalog.index(db.catalog.tableByName('tasks')!.number, 'by_owner')).toBeUndefined();
    },
  );

  test.skipIf(skip)(
    'validation reports violating documents and enforcement rejects bad writes',
    async () => {
      const bad = await t.db.runMutation((tx) => tx.insert('tasks', { owner: 5 }));
      const change = await prepareSchemaChange(t.db, tasksSchema());
      const progress = await change.ready();
      expect(progress.state).toBe('failed');
      expect(progress.violations[0]).toMatchObject({ tableName: 'tasks', documentId: bad });
      await expect(change.commit()).rejects.toMatchObject({
        code: 'SchemaEnforcementError',
        documentId: bad,
        tableName: 'tasks',
      });
      await t.db.runMutation((tx) => tx.delete(bad));
      await (await prepareSchemaChange(t.db, tasksSchema())).commit();
      await expect(
        t.db.runMutation((tx) => tx.insert('tasks', { owner: 1 })),
      ).rejects.toMatchObject({ code: 'SchemaEnforcementError', tableName: 'tasks' });
      await expect(t.db.runMutation((tx) => tx.insert('tasks', { owner: 'ok' }))).resolves.toMatch(
        /^j/,
      );
    },
  );

  test.skipIf(skip)(
    'retention keeps at most the live version and one older per document',
    async () => {
      const ids = await t.db.runMutation(async (tx) =>
        Promise.all(Array.from({ length: 20 }, (_, i) => tx.insert('hot', { i, v: 0 }))),
      );
      for (let round = 1; round <= 10; round++) {
        await t.db.runMutation(async (tx) => {
          for (const id of ids) await tx.patch(id, { v: round });
        });
      }
      const deletedId = await t.db.runMutation((tx) => tx.insert('hot', { i: -1, v: 0 }));
      await t.db.runMutation((tx) => tx.delete(deletedId));
      const result = await new RetentionService(t.db).runOnce();
      expect(result.documentRows).toBeGreaterThanOrEqual(200);
      const table = t.db.catalog.tableByName('hot')!;
      const log = await t.db.persistence.scanLog({
        afterTs: 0n,
        throughTs: t.db.latestTs,
        limit: 100_000,
      });
      const versions = new Map<string, number>();
      for (const entry of log.filter((e) => e.tableId === table.number)) {
        const key = Buffer.from(entry.internalId).toString('hex');
        versions.set(key, (versions.get(key) ?? 0) + 1);
      }
      expect(versions.size).toBe(20);
      for (const count of versions.values()) expect(count).toBeLessThanOrEqual(2);
      // Every index still finds each document exactly once, with its latest value.
      const tx = t.db.begin();
      const all = await tx
        .query({ source: { type: 'FullTableScan', tableName: 'hot', order: 'asc' }, operators: [] })
        .collect();
      expect(all.map((d) => d.value['v'])).toEqual(Array(20).fill(10));
      for (const id of ids) expect((await tx.get(id))?.value['v']).toBe(10);
      expect(await tx.get(deletedId)).toBeNull();
      // Nothing is lost across a reopen, and a second pass is a no-op.
      const db = await t.reopen({ retention: { windowMs: 0 } });
      expect(await db.begin().count('hot')).toBe(20);
      expect((await new RetentionService(db).runOnce()).documentRows).toBe(0);
    },
  );

  test.skipIf(skip)('retention keeps versions a live snapshot still reads', async () => {
    const id = await t.db.runMutation((tx) => tx.insert('pinned', { v: 0 }));
    const reader = t.db.begin({ readOnly: true });
    for (let v = 1; v <= 3; v++) await t.db.runMutation((tx) => tx.patch(id, { v }));
    await new RetentionService(t.db).runOnce();
    expect((await reader.get(id))?.value['v']).toBe(0);
    reader.abort();
  });
});
