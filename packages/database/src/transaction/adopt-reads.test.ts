import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import type { Database } from '../database.ts';
import { openDatabase } from '../open-database.ts';
import { openSqlitePersistence } from '../sqlite/sqlite-persistence.ts';
import { TEST_CURSOR_KEY } from '../test-support/test-database.ts';

const allNotes = {
  source: { type: 'FullTableScan', tableName: 'notes', order: 'asc' },
  operators: [],
} as const;

let db: Database;

beforeEach(async () => {
  db = await openDatabase({ persistence: await openSqlitePersistence({ path: ':memory:' }), cursorKey: TEST_CURSOR_KEY });
  await db.runMutation(async (tx) => {
    await tx.insert('notes', { body: 'first' });
    await tx.insert('other', { n: 1 });
  });
});

afterEach(async () => {
  await db.close();
});

/** A query that read every note, ended, and the reads it left. */
async function earlierReads() {
  const earlier = db.begin({ readOnly: true });
  await earlier.query(allNotes).collect();
  earlier.abort();
  return { reads: earlier.readSet, readTs: earlier.snapshotTs };
}

describe('adoptReads', () => {
  test('reads nothing wrote to since are adopted: a later write there conflicts with the adopting transaction', async () => {
    const { reads, readTs } = await earlierReads();
    await db.runMutation(async (tx) => {
      await tx.insert('other', { n: 2 });
    });
    const adopting = db.begin();
    expect(adopting.adoptReads(reads, readTs)).toBe(true);
    expect(adopting.readSet.intervalCount).toBeGreaterThanOrEqual(reads.intervalCount);
    await adopting.insert('other', { n: 3 });
    await db.runMutation(async (tx) => {
      await tx.insert('notes', { body: 'meanwhile' });
    });
    await expect(adopting.commit()).rejects.toMatchObject({ code: 'OptimisticConcurrencyControlFailure' });
  });

  test('reads a later commit wrote inside are refused and nothing is adopted', async () => {
    const { reads, readTs } = await earlierReads();
    await db.runMutation(async (tx) => {
      await tx.insert('notes', { body: 'second' });
    });
    const adopting = db.begin({ readOnly: true });
    expect(adopting.adoptReads(reads, readTs)).toBe(false);
    expect(adopting.readSet.intervalCount).toBe(0);
  });

  test('reads from a later snapshot than the transaction are refused', async () => {
    const older = db.begin({ readOnly: true });
    await db.runMutation(async (tx) => {
      await tx.insert('other', { n: 2 });
    });
    const { reads, readTs } = await earlierReads();
    expect(older.adoptReads(reads, readTs)).toBe(false);
  });
});
