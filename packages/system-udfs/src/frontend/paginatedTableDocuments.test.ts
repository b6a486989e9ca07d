import { describe, expect, test } from 'vitest';
import paginatedTableDocuments from './paginatedTableDocuments.ts';
import { encodeFilters, FakeDatabase, runHandler } from './test-support/fake-database.ts';

const schema = JSON.stringify({
  tables: [{ tableName: 'messages', indexes: [{ indexDescriptor: 'by_author', fields: ['author'] }], documentType: null }],
  schemaValidation: true,
});

async function seeded() {
  const db = new FakeDatabase({ messages: { by_author: ['author'] }, _schemas: { by_state: ['state'] } });
  await db.system.query('_schemas').first(); // the table exists even when empty
  db.rows('_schemas').push({ _id: '_schemas|1', _creationTime: 1, state: 'active', schema });
  for (const [author, likes] of [['ada', 3], ['bob', 1], ['ada', 7], ['cy', 5]] as const) {
    await db.insert('messages', { author, likes, ...(likes === 1 ? { pinned: true } : {}) });
  }
  return db;
}

type Page = { page: Record<string, unknown>[]; isDone: boolean; continueCursor: string };
const run = async (db: FakeDatabase, args: Record<string, unknown>) =>
  (await runHandler(paginatedTableDocuments, db, { paginationOpts: { numItems: 10, cursor: null }, table: 'messages', filters: null, ...args })) as Page;

describe('paginatedTableDocuments', () => {
  test('pages newest first without filters', async () => {
    const db = await seeded();
    const first = (await runHandler(paginatedTableDocuments, db, { paginationOpts: { numItems: 3, cursor: null }, table: 'messages', filters: null })) as Page;
    expect(first.page.map((d) => d.likes)).toEqual([5, 7, 1]);
    expect(first.isDone).toBe(false);
  });

  test('applies comparison, list and type filters', async () => {
    const db = await seeded();
    const gt = await run(db, { filters: encodeFilters({ clauses: [{ op: 'gt', field: 'likes', value: 3 }] }) });
    expect(gt.page.map((d) => d.likes)).toEqual([5, 7]);
    const anyOf = await run(db, { filters: encodeFilters({ clauses: [{ op: 'anyOf', field: 'author', value: ['bob', 'cy'] }] }) });
    expect(anyOf.page.map((d) => d.author)).toEqual(['cy', 'bob']);
    const typed = await run(db, { filters: encodeFilters({ clauses: [{ op: 'type', field: 'pinned', value: 'boolean' }] }) });
    expect(typed.page.map((d) => d.likes)).toEqual([1]);
    const disabled = await run(db, { filters: encodeFilters({ clauses: [{ op: 'eq', field: 'author', value: 'nobody', enabled: false }] }) });
    expect(disabled.page).toHaveLength(4);
  });

  test('sorts through an index of the active schema, with equality clauses on its fields', async () => {
    const db = await seeded();
    const sorted = await run(db, { filters: encodeFilters({ clauses: [], order: 'asc', index: { name: 'by_author', clauses: [] } }) });
    expect(sorted.page.map((d) => d.author)).toEqual(['ada', 'ada', 'bob', 'cy']);
    const ada = await run(db, {
      filters: encodeFilters({ clauses: [], order: 'desc', index: { name: 'by_author', clauses: [{ type: 'indexEq', enabled: true, value: 'ada' }] } }),
    });
    expect(ada.page.map((d) => d.likes)).toEqual([7, 3]);
  });

  test('an unknown index is an error that names it', async () => {
    const db = await seeded();
    await expect(run(db, { filters: encodeFilters({ clauses: [], index: { name: 'by_nothing', clauses: [] } }) })).rejects.toThrow(
      'Index messages.by_nothing not found',
    );
  });

  test('an _id equality reads that one document', async () => {
    const db = await seeded();
    const result = await run(db, { filters: encodeFilters({ clauses: [{ op: 'eq', field: '_id', value: 'messages|2' }] }) });
    expect(result.page.map((d) => d._id)).toEqual(['messages|2']);
    const missing = await run(db, { filters: encodeFilters({ clauses: [{ op: 'eq', field: '_id', value: 'other|2' }] }) });
    expect(missing.page).toEqual([]);
  });
});
