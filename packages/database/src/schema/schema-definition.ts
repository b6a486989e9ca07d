import { identifierProblem, parseValidatorJson, type ValidatorJSON } from '@selfhost/values';
import { DatabaseError } from '../errors/database-error.ts';

/**
 * One index of a schema table, of any kind.
 *
 * @example
 * ```ts
 * const index: SchemaIndex = { kind: 'database', name: 'by_author', fields: ['author'], staged: false, definition: null };
 * ```
 */
export interface SchemaIndex {
  readonly kind: 'database' | 'search' | 'vector';
  readonly name: string;
  /** Database: the declared fields. Search: [searchField, ...filterFields]. Vector: [vectorField, ...filterFields]. */
  readonly fields: readonly string[];
  readonly staged: boolean;
  /** The index's own JSON for search/vector (searchField, filterFields, dimensions…). */
  readonly definition: { readonly [key: string]: string | number | readonly string[] } | null;
}

/**
 * One table of a schema.
 *
 * @example
 * ```ts
 * schema.tables.get('messages')?.documentType;
 * ```
 */
export interface SchemaTable {
  readonly name: string;
  readonly indexes: readonly SchemaIndex[];
  /** The validator of the documents (user fields only), or null = any. */
  readonly documentType: ValidatorJSON | null;
}

/**
 * A parsed schema (the JSON of compat §4.5 "Schema").
 *
 * @example
 * ```ts
 * const schema = parseSchema(JSON.parse(schemaText));
 * ```
 */
export interface DatabaseSchema {
  readonly tables: ReadonlyMap<string, SchemaTable>;
  readonly schemaValidation: boolean;
  /** The JSON text it was parsed from (normalized), stored in `_schemas`. */
  readonly text: string;
}

const fail = (message: string): DatabaseError =>
  new DatabaseError('InvalidSchema', `Invalid schema: ${message}`);

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function stringList(value: unknown, what: string): string[] {
  if (value === undefined) return [];
  if (!Array.isArray(value) || !value.every((item) => typeof item === 'string'))
    throw fail(`${what} must be a list of strings`);
  return value;
}

function checkField(table: string, index: string, field: string): void {
  if (
    field === '_id' ||
    field === '_creationTime' ||
    field.split('.').some((part) => part.startsWith('_') || part === '')
  ) {
    throw fail(
      `index ${table}.${index} has field "${field}": index fields may not be system fields or start with "_" (_creationTime and _id are appended automatically)`,
    );
  }
}

function parseIndexes(table: string, raw: Record<string, unknown>): SchemaIndex[] {
  const out: SchemaIndex[] = [];
  const add = (kind: SchemaIndex['kind'], key: string, staged: boolean): void => {
    const list = raw[key];
    if (list === undefined || list === null) return;
    if (!Array.isArray(list)) throw fail(`tables[${table}].${key} must be a list`);
    for (const item of list) {
      if (!isRecord(item) || typeof item['indexDescriptor'] !== 'string')
        throw fail(`each of ${table}.${key} needs an indexDescriptor`);
      const name = item['indexDescriptor'];
      const problem = identifierProblem(name);
      if (problem !== undefined) throw fail(`index name "${name}" on table ${table}: ${problem}`);
      if (name.startsWith('_') || name === 'by_id' || name === 'by_creation_time') {
        throw fail(
          `index name "${name}" on table ${table} is reserved: index names may not start with "_" or be by_id / by_creation_time`,
        );
      }
      if (kind === 'database') {
        const fields = stringList(item['fields'], `${table}.${name}.fields`);
        if (fields.length === 0) throw fail(`index ${table}.${name} must have at least one field`);
        if (new Set(fields).size !== fields.length)
          throw fail(`index ${table}.${name} lists a field twice`);
        for (const field of fields) checkField(table, name, field);
        out.push({ kind, name, fields, staged, definition: null });
      } else if (kind === 'search') {
        const searchField = item['searchField'];
        if (typeof searchField !== 'string')
          throw fail(`search index ${table}.${name} needs a searchField`);
        const filterFields = stringList(item['filterFields'], `${table}.${name}.filterFields`);
        out.push({
          kind,
          name,
          fields: [searchField, ...filterFields],
          staged,
          definition: { searchField, filterFields },
        });
      } else {
        const vectorField = item['vectorField'];
        const dimensions = item['dimensions'];
        if (typeof vectorField !== 'string' || typeof dimensions !== 'number')
          throw fail(`vector index ${table}.${name} needs vectorField and dimensions`);
        if (!Number.isInteger(dimensions) || dimensions < 2 || dimensions > 4096)
          throw fail(
            `vector index ${table}.${name} has ${dimensions} dimensions; allowed are 2 to 4096`,
          );
        const filterFields = stringList(item['filterFields'], `${table}.${name}.filterFields`);
        out.push({
          kind,
          name,
          fields: [vectorField, ...filterFields],
          staged,
          definition: { vectorField, dimensions, filterFields },
        });
      }
    }
  };
  add('database', 'indexes', false);
  add('database', 'stagedDbIndexes', true);
  add('search', 'searchIndexes', false);
  add('search', 'stagedSearchIndexes', true);
  add('vector', 'vectorIndexes', false);
  add('vector', 'stagedVectorIndexes', true);
  const names = new Set<string>();
  for (const index of out) {
    if (names.has(index.name)) throw fail(`table ${table} has two indexes named ${index.name}`);
    names.add(index.name);
  }
  return out;
}

/**
 * Parses and checks schema JSON (the `schema.js` export, compat §4.5).
 *
 * @throws {DatabaseError} `InvalidSchema` with what is wrong.
 * @example
 * ```ts
 * parseSchema({ tables: [{ tableName: 'messages', indexes: [], documentType: null }], schemaValidation: true });
 * ```
 */
export function parseSchema(json: unknown): DatabaseSchema {
  if (!isRecord(json) || !Array.isArray(json['tables']))
    throw fail('expected an object with a "tables" list');
  const tables = new Map<string, SchemaTable>();
  for (const raw of json['tables'] as unknown[]) {
    if (!isRecord(raw) || typeof raw['tableName'] !== 'string')
      throw fail('each table needs a tableName');
    const name = raw['tableName'];
    const problem = identifierProblem(name);
    if (problem !== undefined || name.startsWith('_'))
      throw fail(
        `table name "${name}" is not valid: ${problem ?? 'user table names may not start with "_"'}`,
      );
    if (tables.has(name)) throw fail(`table ${name} is defined twice`);
    let documentType: ValidatorJSON | null = null;
    if (raw['documentType'] !== undefined && raw['documentType'] !== null) {
      try {
        documentType = parseValidatorJson(raw['documentType']);
      } catch (error) {
        throw new DatabaseError(
          'InvalidSchema',
          `Invalid schema: documentType of table ${name}: ${error instanceof Error ? error.message : String(error)}`,
          { cause: error },
        );
      }
    }
    tables.set(name, { name, indexes: parseIndexes(name, raw), documentType });
  }
  const schemaValidation = json['schemaValidation'] !== false;
  return Object.freeze({ tables, schemaValidation, text: JSON.stringify(json) });
}
