import type { ValidatorJSON } from '@selfhost/client/values';
import { unreachable } from './unreachable.ts';

/** One table of a schema's JSON export (compat §4.5). */
export type SchemaTable = {
  tableName: string;
  indexes: { indexDescriptor: string; fields: string[] }[];
  stagedDbIndexes?: { indexDescriptor: string; fields: string[] }[];
  searchIndexes?: { indexDescriptor: string; searchField: string; filterFields: string[] }[];
  vectorIndexes?: { indexDescriptor: string; vectorField: string; dimensions: number; filterFields: string[] }[];
  documentType: ValidatorJSON | null;
};

/** A schema's JSON export. */
export type Schema = { tables: SchemaTable[]; schemaValidation: boolean };

/**
 * Parses a schema's JSON text, or null for none or unreadable text.
 *
 * @example
 * parseSchema(schemas.active)?.tables.map((t) => t.tableName);
 */
export function parseSchema(text: string | undefined): Schema | null {
  if (text === undefined) return null;
  try {
    const parsed = JSON.parse(text) as Partial<Schema>;
    return { tables: parsed.tables ?? [], schemaValidation: parsed.schemaValidation ?? true };
  } catch {
    return null;
  }
}

/**
 * Every `v.id("table")` inside a validator: the tables its values point to, with the field path.
 *
 * @example
 * idReferences({ type: 'object', value: { author: { fieldType: { type: 'id', tableName: 'users' }, optional: false } } });
 * // [{ path: 'author', tableName: 'users' }]
 */
export function idReferences(validator: ValidatorJSON | null, path = ''): { path: string; tableName: string }[] {
  if (validator === null) return [];
  const join = (key: string) => (path === '' ? key : `${path}.${key}`);
  switch (validator.type) {
    case 'id':
      return [{ path, tableName: validator.tableName }];
    case 'array':
      return idReferences(validator.value, `${path}[]`);
    case 'object':
      return Object.entries(validator.value).flatMap(([key, field]) => idReferences(field.fieldType, join(key)));
    case 'record':
      return idReferences(validator.values.fieldType, join('*'));
    case 'union':
      return validator.value.flatMap((member) => idReferences(member, path));
    case 'null':
    case 'number':
    case 'bigint':
    case 'commitTs':
    case 'boolean':
    case 'string':
    case 'bytes':
    case 'any':
    case 'literal':
      return [];
    default:
      return unreachable(validator);
  }
}

/**
 * A validator as the TypeScript you would write in `schema.ts`, e.g. `v.optional(v.id("users"))`.
 *
 * @example
 * validatorSource({ type: 'array', value: { type: 'string' } }); // 'v.array(v.string())'
 */
export function validatorSource(validator: ValidatorJSON): string {
  switch (validator.type) {
    case 'null':
      return 'v.null()';
    case 'number':
      return 'v.number()';
    case 'bigint':
      return 'v.int64()';
    case 'boolean':
      return 'v.boolean()';
    case 'string':
      return 'v.string()';
    case 'bytes':
      return 'v.bytes()';
    case 'any':
      return 'v.any()';
    case 'commitTs':
      return 'v.commitTs()';
    case 'literal':
      return `v.literal(${JSON.stringify(validator.value)})`;
    case 'id':
      return `v.id(${JSON.stringify(validator.tableName)})`;
    case 'array':
      return `v.array(${validatorSource(validator.value)})`;
    case 'record':
      return `v.record(${validatorSource(validator.keys)}, ${validatorSource(validator.values.fieldType)})`;
    case 'union':
      return `v.union(${validator.value.map(validatorSource).join(', ')})`;
    case 'object':
      return `v.object({ ${Object.entries(validator.value)
        .map(([key, field]) => `${key}: ${field.optional ? `v.optional(${validatorSource(field.fieldType)})` : validatorSource(field.fieldType)}`)
        .join(', ')} })`;
    default:
      return unreachable(validator);
  }
}
