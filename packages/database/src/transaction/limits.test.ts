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

  test('maxObjectFields counts the fields of every object, nested ones too', async () => {
    // Not below 10: the catalog's own `_index` documents have 10 fields.
    const db = await dbWith({ maxObjectFields: 12 });
    const fields = (n: number) =>
      Object.fromEntries(Array.from({ length: n }, (_, i) => [`f${i}`, i]));
    // _id and _creationTime count: 10 user fields fit at the top level, 12 in a nested object.
    await expect(
      db.runMutation((tx) => tx.insert('wide', { ...fields(9), inner: fields(12) })),
    ).resolves.toMatch(/^j/);
    const top = await db
      .runMutation((tx) => tx.insert('wide', fields(11)))
      .catch((e: unknown) => e);
    expect(top).toMatchObject({ code: 'LimitExceeded' });
    expect((top as Error).message).toMatchInlineSnapshot(
      `"Document in table "wide" is too large or too deep: Object has 13 fields, over the limit maxObjectFields = 12."`,
    );
    const nested = await db
      .runMutation((tx) => tx.insert('wide', { inner: fields(13) }))
      .catch((e: unknown) => e);
    expect((nested as Error).message).toMatchInlineSnapshot(
      `"Document in table "wide" is too large or too deep: Object has 13 fields, over the limit maxObjectFields = 12 (at .inner)."`,
    );
    // A patch that grows a document past the limit fails too; the document is unchanged.
    const id = await db.runMutation((tx) => tx.insert('wide', fields(9)));
    await expect(db.runMutation((tx) => tx.patch(id, { x: 1, y: 2 }))).rejects.toMatchObject({
      code: 'LimitExceeded',
    });
    expect(Object.keys((await db.begin().get(id))!.value)).toHaveLength(11); // 9 + _id, _creationTime
    await db.close();
  });

  test('maxArrayLength counts the elements of every array', async () => {
    const db = await dbWith({ maxArrayLength: 3 });
    await expect(db.runMutation((tx) => tx.insert('lists', { a: [1, 2, 3] }))).resolves.toMatch(
      /^j/,
    );
    const error = await db
      .runMutation((tx) => tx.insert('lists', { deep: { a: [[1, 2, 3, 4]] } }))
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'LimitExceeded' });
    expect((error as Error).message).toMatchInlineSnapshot(
      `"Document in table "lists" is too large or too deep: Array has 4 elements, over the limit maxArrayLength = 3 (at .deep.a[0])."`,
    );
    await db.close();
    const raised = await dbWith({ maxArrayLength: 10_000 });
    const long = Array.from({ length: 9000 }, (_, i) => i);
    await expect(raised.runMutation((tx) => tx.insert('lists', { long }))).resolves.toMatch(/^j/);
    await raised.close();
  });

  test('maxReadBytes counts the bytes of every document read, by get or by query', async () => {
    const db = await dbWith({ maxReadBytes: 600 });
    const ids = await db.runMutation(async (tx) =>
      Promise.all([0, 1, 2].map((i) => tx.insert('big', { i, pad: 'p'.repeat(150) }))),
    );
    const big = {
      source: { type: 'FullTableScan', tableName: 'big', order: 'asc' },
      operators: [],
    } as const;
    // Each document is about 241 bytes by the size formula: two fit, the third does not.
    const tx = db.begin();
    expect(await tx.query(big).take(2)).toHaveLength(2);
    expect(tx.metrics().bytesRead.used).toBeGreaterThan(480);
    await expect(tx.get(ids[2]!)).rejects.toMatchObject({
      code: 'LimitExceeded',
      message: 'Too many bytes read in a single transaction: the limit maxReadBytes is 600.',
    });
    await expect(db.begin().query(big).collect()).rejects.toMatchObject({
      message: 'Too many bytes read in a single transaction: the limit maxReadBytes is 600.',
    });
    // Small documents are far below the limit.
    expect(await db.begin().query(scan).collect()).toHaveLength(5);
    await db.close();
  });

  test('maxWriteBytes counts every document written in the transaction', async () => {
    const db = await dbWith({ maxWriteBytes: 700 });
    const pad = 'w'.repeat(200); // 285 bytes per document
    await expect(
      db.runMutation(async (tx) => {
        await tx.insert('w', { pad });
        await tx.insert('w', { pad });
      }),
    ).resolves.toBeUndefined();
    const tx = db.begin();
    const id = await tx.insert('w', { pad });
    await tx.insert('w', { pad });
    // A patch writes the whole new document again.
    await expect(tx.patch(id, { more: 1 })).rejects.toMatchObject({
      code: 'LimitExceeded',
      tableName: 'w',
      message: 'Too many bytes written in a single transaction: the limit maxWriteBytes is 700.',
    });
    tx.abort();
    expect(await db.begin().count('w')).toBe(2);
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
