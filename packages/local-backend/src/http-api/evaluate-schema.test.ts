import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { postDeploy, pushModules, pushRequest } from '../test-support/push-modules.ts';
import { rawModules, rawSchema } from '../test-support/raw-modules.ts';
import { startTestBackend, type TestBackend } from '../test-support/start-test-backend.ts';

const items = rawModules({
  'items.js': `import { mutation, query, syscall } from './lib.js';
export const add = mutation((args) => syscall('1.0/insert', { table: 'items', value: { name: args.name } }));
export const count = query(() => syscall('1.0/count', { table: 'items' }));`,
});
const stringField = { fieldType: { type: 'string' }, optional: false };

/** v1: `items` with a validator and `by_name`. */
const deployedSchema = {
  tables: [{ tableName: 'items', indexes: [{ indexDescriptor: 'by_name', fields: ['name'] }], documentType: { type: 'object', value: { name: stringField } } }],
  schemaValidation: true,
};
/** v2: `items` gains a field (so it must be re-validated), `by_name` is replaced by `by_size`; a new `tags` table. */
const nextSchema = {
  tables: [
    {
      tableName: 'items',
      indexes: [{ indexDescriptor: 'by_size', fields: ['size'] }],
      documentType: { type: 'object', value: { name: stringField, size: { fieldType: { type: 'number' }, optional: true } } },
    },
    { tableName: 'tags', indexes: [], documentType: null },
  ],
  schemaValidation: true,
};

let ctx: TestBackend;
beforeAll(async () => {
  ctx = await startTestBackend();
  await pushModules(ctx, items, rawSchema(deployedSchema));
  for (const name of ['a', 'b', 'c']) {
    const response = await fetch(`${ctx.url}/api/mutation`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ path: 'items:add', args: { name } }) });
    expect(await response.json()).toMatchObject({ status: 'success' });
  }
});
afterAll(async () => ctx.stop());

const evaluate = (schema: unknown) => postDeploy(ctx, 'evaluate_schema', pushRequest(ctx, items, rawSchema(schema)));

describe('POST /api/deploy2/evaluate_schema', () => {
  test('predicts validation and index work of a changed schema against the current data', async () => {
    const { status, body } = await evaluate(nextSchema);
    expect(status).toBe(200);
    expect(body).toEqual({
      componentSchemaEvaluations: {
        '': {
          definitionPath: '',
          schemaValidation: true,
          tables: [
            { name: 'items', outcome: 'mustWalk', numDocs: 3, sizeBytes: 0 },
            { name: 'tags', outcome: 'notValidated', numDocs: 0, sizeBytes: 0 },
          ],
          indexes: [
            { name: 'items.by_size', type: 'database', fields: ['size'], staged: false, change: 'added', needsBackfill: true, numDocs: 3 },
            { name: 'items.by_name', type: 'database', fields: ['name'], staged: false, change: 'dropped', needsBackfill: false, numDocs: 3 },
          ],
        },
      },
      newComponentDefinitions: [],
    });
  });

  test('changes nothing: the deployed schema still evaluates as identical, and the code still serves', async () => {
    const { body } = await evaluate(deployedSchema);
    const root = (body as { componentSchemaEvaluations: Record<string, { tables: unknown[]; indexes: unknown[] }> }).componentSchemaEvaluations[''];
    expect(root?.tables).toEqual([{ name: 'items', outcome: 'supersetOfEnforced', numDocs: 3, sizeBytes: 0 }]);
    expect(root?.indexes).toEqual([{ name: 'items.by_name', type: 'database', fields: ['name'], staged: false, change: 'identical', needsBackfill: false, numDocs: 3 }]);
    const count = await fetch(`${ctx.url}/api/query`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ path: 'items:count', args: {} }) });
    expect(await count.json()).toMatchObject({ status: 'success', value: 3 });
    expect(ctx.backend.db.catalog.tableByName('tags')).toBeUndefined();
  });

  test('an invalid schema is refused with InvalidSchema', async () => {
    const { status, body } = await evaluate({ tables: [{ tableName: 'items', indexes: [{ indexDescriptor: 'by_id', fields: ['name'] }], documentType: null }], schemaValidation: true });
    expect(status).toBe(400);
    expect(body).toMatchObject({ code: 'InvalidSchema' });
    expect((body as { message: string }).message).toContain('by_id');
  });

  test('a module that fails analysis is refused with the cause', async () => {
    const broken = rawModules({ 'broken.js': "throw new Error('import-time failure'); export const x = 1;" });
    const { status, body } = await postDeploy(ctx, 'evaluate_schema', pushRequest(ctx, broken, null));
    expect(status).toBe(400);
    expect((body as { message: string }).message).toContain('import-time failure');
  });

  test('bad bodies and missing keys are refused', async () => {
    const malformed = await postDeploy(ctx, 'evaluate_schema', { adminKey: ctx.adminKey, dryRun: 'yes' });
    expect(malformed.status).toBe(400);
    expect(malformed.body).toMatchObject({ code: expect.any(String), message: expect.stringContaining('evaluate_schema') });
    const { adminKey: _key, ...keyless } = pushRequest(ctx, items);
    const anonymous = await fetch(`${ctx.url}/api/deploy2/evaluate_schema`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(keyless) });
    expect(anonymous.status).toBe(401);
    expect(await anonymous.json()).toMatchObject({ code: 'Unauthenticated' });
  });
});
