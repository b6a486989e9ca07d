import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import type { Database } from '../database.ts';
import { DatabaseError } from '../errors/database-error.ts';
import { GLOBAL_KEYS, PERSISTENCE_VERSION } from '../persistence/persistence.ts';
import { applySchema } from '../schema/schema-change.ts';
import { driverMatrix, TestDatabase } from '../test-support/test-database.ts';

const matrix = await driverMatrix();
let t: TestDatabase;
let db: Database;

async function failure(body: () => Promise<unknown>): Promise<{ code: string; message: string }> {
  const error = await body().then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DatabaseError);
  const { code, message } = error as DatabaseError;
  // The store stays usable after every bad input.
  await expect(db.runMutation((tx) => tx.insert('ok', { fine: true }))).resolves.toMatch(/^j/);
  return {
    code,
    message: message.replace(/j[0-9a-z]{31}/g, '<id>').replace(/\b\d{15,}\b/g, '<ts>'),
  };
}

// The same inputs and the same messages on every driver.
describe.each(matrix)('bad input on $name', ({ driver, skip }) => {
  beforeEach(async () => {
    if (skip) return;
    t = await TestDatabase.create(driver, { limits: { maxDocumentSize: 1000 } });
    db = t.db;
    await db.runMutation((tx) => tx.insert('notes', { body: 'x' }));
  });
  afterEach(async () => {
    if (!skip) await t.dispose();
  });

  test.skipIf(skip)('oversized documents name the limit', async () => {
    expect(
      await failure(() => db.runMutation((tx) => tx.insert('notes', { body: 'x'.repeat(2000) }))),
    ).toMatchInlineSnapshot(`
      {
        "code": "LimitExceeded",
        "message": "Document in table "notes" is too large or too deep: Value is 2070 bytes, over the limit maxDocumentSize = 1000 bytes.",
      }
    `);
  });

  test.skipIf(skip)('too deep documents name the limit', async () => {
    let deep: Record<string, unknown> = { leaf: 1 };
    for (let i = 0; i < 20; i++) deep = { d: deep };
    expect(await failure(() => db.runMutation((tx) => tx.insert('notes', deep as never))))
      .toMatchInlineSnapshot(`
      {
        "code": "LimitExceeded",
        "message": "Document in table "notes" is too large or too deep: Value is nested 17 levels deep, over the limit maxDocumentNesting = 16 (at .d.d.d.d.d.d.d.d.d.d.d.d.d.d.d.d).",
      }
    `);
  });

  test.skipIf(skip)('invalid field names', async () => {
    expect(await failure(() => db.runMutation((tx) => tx.insert('notes', { $bad: 1 }))))
      .toMatchInlineSnapshot(`
      {
        "code": "InvalidDocument",
        "message": "Invalid document for table "notes": Field name "$bad" at .$bad starts with '$', which is reserved.",
      }
    `);
    expect(await failure(() => db.runMutation((tx) => tx.insert('notes', { _secret: 1 }))))
      .toMatchInlineSnapshot(`
      {
        "code": "InvalidDocument",
        "message": "Invalid document for table "notes": Field name "_secret" at ._secret starts with '_', which is reserved for system fields (only _id and _creationTime are allowed at the top level of a document).",
      }
    `);
  });

  test.skipIf(skip)('invalid and system table names', async () => {
    expect(await failure(() => db.runMutation((tx) => tx.insert('bad-name', {}))))
      .toMatchInlineSnapshot(`
      {
        "code": "InvalidTable",
        "message": "Invalid table name "bad-name": has the invalid character "-" at index 3: only letters, digits and '_' are allowed.",
      }
    `);
    expect(await failure(() => db.runMutation((tx) => tx.insert('_storage', {}))))
      .toMatchInlineSnapshot(`
      {
        "code": "InvalidTable",
        "message": "System tables (names starting with "_") are read-only: cannot write to _storage.",
      }
    `);
  });

  test.skipIf(skip)('unknown indexes and bad ranges', async () => {
    expect(
      await failure(async () =>
        db
          .begin()
          .query({
            source: { type: 'IndexRange', indexName: 'notes.by_nothing', range: [], order: 'asc' },
            operators: [],
          })
          .collect(),
      ),
    ).toMatchInlineSnapshot(`
      {
        "code": "IndexNotFound",
        "message": "Index notes.by_nothing not found.",
      }
    `);
    expect(
      await failure(async () =>
        db
          .begin()
          .query({
            source: {
              type: 'IndexRange',
              indexName: 'notes.by_creation_time',
              range: [{ type: 'Eq', fieldPath: 'body', value: 1 }],
              order: 'asc',
            },
            operators: [],
          })
          .collect(),
      ),
    ).toMatchInlineSnapshot(`
      {
        "code": "InvalidIndexRange",
        "message": "Invalid index range for notes.by_creation_time (fields ["_creationTime","_id"]): the field "body" is not in the index (FieldNotInIndex)",
      }
    `);
  });

  test.skipIf(skip)('bad ids and missing documents', async () => {
    expect(await failure(() => db.begin().get('not-an-id'))).toMatchInlineSnapshot(`
      {
        "code": "InvalidId",
        "message": "Invalid argument \`id\` for \`db.get\`: Invalid document id "not-an-id": its length is 9, but ids have 31 to 37 characters.",
      }
    `);
    const id = await db.runMutation((tx) => tx.insert('notes', { body: 'gone' }));
    await db.runMutation((tx) => tx.delete(id));
    expect(await failure(() => db.runMutation((tx) => tx.patch(id, { body: 'x' }))))
      .toMatchInlineSnapshot(`
      {
        "code": "NonexistentDocument",
        "message": "Update on nonexistent document ID <id>",
      }
    `);
  });

  test.skipIf(skip)('malformed and foreign cursors', async () => {
    const query = {
      source: { type: 'FullTableScan', tableName: 'notes', order: 'asc' },
      operators: [],
    } as const;
    expect(await failure(() => db.begin().queryPage(query, { cursor: 'garbage!', numItems: 1 })))
      .toMatchInlineSnapshot(`
      {
        "code": "InvalidCursor",
        "message": "Invalid pagination cursor: not a cursor string. Pass null to start from the beginning, or the continueCursor of a page of this same query.",
      }
    `);
    const page = await db.begin().queryPage(query, { cursor: null, numItems: 1 });
    const tampered =
      page.continueCursor.slice(0, -2) + (page.continueCursor.endsWith('AA') ? 'BB' : 'AA');
    expect(await failure(() => db.begin().queryPage(query, { cursor: tampered, numItems: 1 })))
      .toMatchInlineSnapshot(`
      {
        "code": "InvalidCursor",
        "message": "Invalid pagination cursor: it was not made by this deployment or was changed. Pass null to start from the beginning, or the continueCursor of a page of this same query.",
      }
    `);
    const other = { ...query, operators: [{ limit: 5 }] };
    expect(
      await failure(() =>
        db.begin().queryPage(other, { cursor: page.continueCursor, numItems: 1 }),
      ),
    ).toMatchInlineSnapshot(`
      {
        "code": "InvalidCursor",
        "message": "Invalid pagination cursor: it belongs to a different query. Pass null to start from the beginning, or the continueCursor of a page of this same query.",
      }
    `);
    expect(await failure(() => db.begin().queryPage(query, { cursor: null, numItems: 40_000 })))
      .toMatchInlineSnapshot(`
      {
        "code": "LimitExceeded",
        "message": "Page size 40000 is too large: the limit maxPageSize is 32000.",
      }
    `);
  });

  test.skipIf(skip)('schema violations', async () => {
    await applySchema(db, {
      tables: [
        {
          tableName: 'typed',
          indexes: [],
          documentType: {
            type: 'object',
            value: { n: { fieldType: { type: 'number' }, optional: false } },
          },
        },
      ],
      schemaValidation: true,
    });
    expect(await failure(() => db.runMutation((tx) => tx.insert('typed', { n: 'one' }))))
      .toMatchInlineSnapshot(`
      {
        "code": "SchemaEnforcementError",
        "message": "Failed to insert or update a document in table "typed" because it does not match the schema: Value does not match validator.
      Path: .n
      Value: "one"
      Validator: v.float64()",
      }
    `);
    expect(
      await failure(() =>
        applySchema(db, {
          tables: [{ tableName: 'typed', indexes: [{ indexDescriptor: 'by_x', fields: ['_id'] }] }],
        }),
      ),
    ).toMatchInlineSnapshot(`
      {
        "code": "InvalidSchema",
        "message": "Invalid schema: index typed.by_x has field "_id": index fields may not be system fields or start with "_" (_creationTime and _id are appended automatically)",
      }
    `);
  });

  test.skipIf(skip)('filter evaluation errors', async () => {
    expect(
      await failure(() =>
        db
          .begin()
          .query({
            source: { type: 'FullTableScan', tableName: 'notes', order: 'asc' },
            operators: [{ filter: { $add: [{ $literal: 1 }, { $literal: 'a' }] } }],
          })
          .collect(),
      ),
    ).toMatchInlineSnapshot(`
      {
        "code": "EvalError",
        "message": "Cannot apply $add to 1 and "a": both operands must be Int64 (bigint) or both Float64 (number)",
      }
    `);
  });

  test.skipIf(skip)(
    'unknown tables read as empty; a write to an unregistered system table is TableNotFound',
    async () => {
      const tx = db.begin({ readOnly: true });
      const scan = {
        source: { type: 'FullTableScan', tableName: 'nowhere', order: 'asc' },
        operators: [],
      } as const;
      // As in Convex: querying a table nobody has written to yet is not an error.
      expect(await tx.query(scan).collect()).toEqual([]);
      expect(await tx.count('nowhere')).toBe(0);
      expect(await tx.queryPage(scan, { cursor: null, numItems: 5 })).toMatchObject({
        page: [],
        isDone: true,
      });
      expect(await failure(() => db.runMutation((w) => w.insert('_nowhere', {}, { system: true }))))
        .toMatchInlineSnapshot(`
        {
          "code": "TableNotFound",
          "message": "System table _nowhere does not exist.",
        }
      `);
    },
  );

  test.skipIf(skip)('a store written by a newer release asks the user to upgrade', async () => {
    await db.close();
    const newer = await t.store.open();
    await newer.setGlobal(GLOBAL_KEYS.persistenceVersion, PERSISTENCE_VERSION + 1);
    await newer.close();
    const error = await t.store.open().then(
      async (p) => {
        await p.close();
        return null;
      },
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(DatabaseError);
    expect(error).toMatchObject({ code: 'StorageFailure' });
    expect((error as Error).message).toMatchInlineSnapshot(
      `"The store has persistence version 2, newer than this release understands (1). Upgrade selfhost."`,
    );
  });
});
