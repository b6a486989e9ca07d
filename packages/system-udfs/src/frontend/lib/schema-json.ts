import type { ValidatorJSON } from '@selfhost/client/values';
import { privateTables } from '../../system-tables.ts';

/** One table of a schema's JSON export (compat §4.5). */
export type SchemaTableJson = {
  tableName: string;
  indexes: { indexDescriptor: string; fields: string[] }[];
  searchIndexes?: { indexDescriptor: string; searchField: string; filterFields: string[] }[];
  vectorIndexes?: { indexDescriptor: string; vectorField: string; dimensions: number; filterFields: string[] }[];
  documentType: ValidatorJSON | null;
};

/** A schema's JSON export. */
export type SchemaJson = { tables: SchemaTableJson[]; schemaValidation: boolean };

/**
 * The `_schemas` document in `state`, or null.
 *
 * @example
 * const active = await schemaByState(ctx.db, 'active');
 */
export async function schemaByState(db: { system: unknown }, state: string) {
  return await privateTables(db)
    .query('_schemas')
    .withIndex('by_state', (q) => q.eq('state', state))
    .first();
}

/**
 * The fields of `indexName` on `table` (with `by_creation_time` built in), from the active
 * schema, or null when there is no such index.
 *
 * @example
 * await indexFields(ctx.db, 'messages', 'by_author'); // ['author']
 */
export async function indexFields(db: { system: unknown }, table: string, indexName: string): Promise<string[] | null> {
  if (indexName === 'by_creation_time') return ['_creationTime'];
  if (indexName === 'by_id') return ['_id'];
  const active = await schemaByState(db, 'active');
  if (active === null) return null;
  const schema = JSON.parse(active.schema) as SchemaJson;
  const found = schema.tables.find((t) => t.tableName === table)?.indexes.find((index) => index.indexDescriptor === indexName);
  return found?.fields ?? null;
}
