import { describe, expect, test } from 'vitest';
import { openDatabase } from '../open-database.ts';
import { openSqlitePersistence } from '../sqlite/sqlite-persistence.ts';
import { TEST_CURSOR_KEY } from '../test-support/test-database.ts';

const scan = {
  source: { type: 'FullTableScan', tableName: 'rows', order: 'asc' },
  operators: [],
} as const;

async function dbWith(limits: Record<string, number>) {
  const db = await openDatabase({
    persistence: await openSqlitePersistence({ path: ':memory:' }),
    cursorKey: TEST_CURSOR_KEY,
    limits,
  });
  await db.runMutation(async (tx) => {
    for (let i = 0; i < 5; i++) await tx.insert('rows', { i });
  });
  return db;
}

describe('limits', () => {
  test('read, interval and write limits name the limit; an operator can raise them', async () => {
    const small = await dbWith({ maxReadDocuments: 3, maxReadIntervals: 20, maxWriteDocuments: 6 });
    await expect(small.begin().query(scan).collect()).rejects.toMatchObject({
      code: 'LimitExceeded',
      message: 'Too many documents read in a single transaction: the limit maxReadDocuments is 3.',
    });
    await expect(
      small.runMutation(async (w) => {
        for (let i = 0; i < 7; i++) await w.insert('more', { i });
      }),
    ).rejects.toMatchObject({
      message:
        'Too many documents written in a single transaction: the limit maxWriteDocuments is 6.',
    });
    await small.close();
    const raised = await dbWith({ maxReadDocuments: 100 });
    expect(await raised.begin().query(scan).collect()).toHaveLength(5);
    expect(raised.limits.maxReadDocuments).toBe(100);
    await raised.close();
  });

  test('the interval limit counts merged intervals', async () => {
    const db = await dbWith({ maxReadIntervals: 12 });
    const tx = db.begin();
    const first = (await tx.query(scan).first())!;
    for (let i = 0; i < 20; i++) await tx.get(first.id); // the same point: one interval
    await expect(
      (async () => {
        for (let i = 0; i < 20; i++) await tx.count(`t${i}`);
      })(),
    ).rejects.toMatchObject({
      message:
        'Too many index ranges read in a single transaction: the limit maxReadIntervals is 12.',
    });
    await db.close();
  });

  test('a storage failure during a commit stops the database with a typed error', async () => {
    const db = await dbWith({});
    await db.persistence.close();
    const tx = db.begin();
    await tx.insert('rows', { i: 99 });
    await expect(tx.commit()).rejects.toMatchObject({
      code: 'StorageFailure',
      storageKind: 'other',
    });
    expect(() => db.begin()).toThrow(expect.objectContaining({ code: 'DatabaseClosed' }) as Error);
  });
});
