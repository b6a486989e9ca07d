import { describe, expect, test } from 'vitest';
import addDocument from './addDocument.ts';
import clearTablePage from './clearTablePage.ts';
import deleteDocuments from './deleteDocuments.ts';
import patchDocumentsFields from './patchDocumentsFields.ts';
import replaceDocument from './replaceDocument.ts';
import { undefinedPlaceholder } from './lib/undefined-placeholder.ts';
import { FakeDatabase, runHandler } from './test-support/fake-database.ts';

// The data page's writes: addDocument, replaceDocument, patchDocumentsFields, deleteDocuments
// and clearTablePage.
describe('document writes', () => {
  test('addDocument inserts every document and reports a write error as a ConvexError', async () => {
    const db = new FakeDatabase();
    expect(await runHandler(addDocument, db, { table: 'notes', documents: [{ a: 1 }, { a: 2 }] })).toEqual({ success: true });
    expect(db.rows('notes')).toHaveLength(2);
    const failure = runHandler(addDocument, db, { table: 'notes', documents: [{ _secret: 1 }] });
    await expect(failure).rejects.toMatchObject({ name: 'ConvexError', data: 'Field names may not start with "_".' });
  });

  test('replaceDocument replaces an existing document and refuses a missing one', async () => {
    const db = new FakeDatabase();
    const id = await db.insert('notes', { a: 1, b: 2 });
    expect(await runHandler(replaceDocument, db, { id, document: { a: 5 } })).toEqual({ success: true });
    expect(await db.get(id)).toMatchObject({ a: 5 });
    expect((await db.get(id))?.b).toBeUndefined();
    expect(await runHandler(replaceDocument, db, { id: 'notes|99', document: {} })).toEqual({ success: false, error: 'Document does not exist.' });
  });

  test('patchDocumentsFields sets and removes fields on chosen documents', async () => {
    const db = new FakeDatabase();
    const first = await db.insert('notes', { a: 1, b: 2 });
    const second = await db.insert('notes', { a: 1, b: 2 });
    await runHandler(patchDocumentsFields, db, { table: 'notes', fields: { a: 9, b: undefinedPlaceholder }, ids: [first] });
    expect(await db.get(first)).toMatchObject({ a: 9 });
    expect((await db.get(first))?.b).toBeUndefined();
    expect(await db.get(second)).toMatchObject({ a: 1, b: 2 });
    await runHandler(patchDocumentsFields, db, { table: 'notes', fields: { c: true } });
    expect(db.rows('notes').every((d) => d.c === true)).toBe(true);
  });

  test('deleteDocuments deletes the listed documents', async () => {
    const db = new FakeDatabase();
    const id = await db.insert('notes', {});
    await db.insert('notes', {});
    expect(await runHandler(deleteDocuments, db, { toDelete: [{ id, tableName: 'notes' }] })).toEqual({ success: true });
    expect(db.rows('notes')).toHaveLength(1);
  });

  test('clearTablePage deletes page by page until the table is empty', async () => {
    const db = new FakeDatabase();
    for (let i = 0; i < 5; i++) await db.insert('notes', { i });
    const result = await runHandler(clearTablePage, db, { tableName: 'notes', cursor: null });
    expect(result).toMatchObject({ deleted: 5, hasMore: false });
    expect(db.rows('notes')).toHaveLength(0);
  });
});
