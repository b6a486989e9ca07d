import type { AnalyzedSchema } from '@selfhost/protocol';
import { CliError } from '../errors/cli-error.ts';
import type { CodegenInput } from './codegen-input.ts';
import { compareNames, docComment, generatedHeader, propertyName } from './codegen-text.ts';
import { validatorType, type ValidatorJson } from './validator-type.ts';

const HEADER = generatedHeader('Generated data model types.');

const TABLE_NAMES_DOC = docComment(['The names of all tables of this app.']);
const DOC_DOC = docComment([
  'The type of a document stored in the table `TableName`, system fields included.',
  '',
  '@typeParam TableName - a table name, like "users".',
]);
const ID_DOC = docComment([
  'The ID of a document of the table `TableName` (a string at run time, branded by its table).',
  '`ctx.db.get(tableName, id)` loads it.',
  '',
  '@typeParam TableName - a table name, like "users".',
]);
const DATA_MODEL_DOC = docComment([
  'The types of all tables: their documents, field paths and indexes. It parameterizes',
  '`queryGeneric`, `mutationGeneric`, … so that `ctx.db` is typed.',
]);

/**
 * The `dataModel` file (`dataModel.d.ts`, or `dataModel.ts`): `TableNames`, `Doc`, `Id` and
 * `DataModel`. With a schema they are inferred from `schema.ts` — or, with
 * `codegen.staticDataModel`, spelled out from the analysed schema; without one they are loose
 * (`Doc = any`).
 *
 * @example
 * ```ts
 * dataModelFiles(input); // { 'dataModel.d.ts': '…' }
 * ```
 */
export function dataModelFiles(input: CodegenInput): Record<string, string> {
  const name = input.fileType === 'ts' ? 'dataModel.ts' : 'dataModel.d.ts';
  if (!input.hasSchema) return { [name]: noSchema(input) };
  if (input.staticDataModel && input.analysis !== null) {
    const schema = input.analysis.schema;
    return { [name]: schema === null ? noSchema(input) : staticDataModel(input, schema) };
  }
  return { [name]: inferredDataModel(input) };
}

function noSchema(input: CodegenInput): string {
  return [
    HEADER,
    `import type { AnyDataModel } from "${input.pkg.server}";`,
    `import type { GenericId } from "${input.pkg.values}";`,
    '',
    docComment([
      'There is no `schema.ts`, so these types are permissive (`Doc = any`). Add a schema for',
      'typed documents and run codegen again.',
    ]),
    '',
    TABLE_NAMES_DOC,
    'export type TableNames = string;',
    '',
    docComment(['The type of a document stored in a table (anything, without a schema).']),
    'export type Doc = any;',
    '',
    ID_DOC,
    'export type Id<TableName extends TableNames = TableNames> = GenericId<TableName>;',
    '',
    DATA_MODEL_DOC,
    'export type DataModel = AnyDataModel;',
    '',
  ].join('\n');
}

function inferredDataModel(input: CodegenInput): string {
  return [
    HEADER,
    `import type { DataModelFromSchemaDefinition, DocumentByName, TableNamesInDataModel, SystemTableNames } from "${input.pkg.server}";`,
    `import type { GenericId } from "${input.pkg.values}";`,
    'import type schema from "../schema.js";',
    '',
    ...commonTypes(),
    DATA_MODEL_DOC,
    'export type DataModel = DataModelFromSchemaDefinition<typeof schema>;',
    '',
  ].join('\n');
}

function commonTypes(): string[] {
  return [
    TABLE_NAMES_DOC,
    'export type TableNames = TableNamesInDataModel<DataModel>;',
    '',
    DOC_DOC,
    'export type Doc<TableName extends TableNames> = DocumentByName<DataModel, TableName>;',
    '',
    ID_DOC,
    'export type Id<TableName extends TableNames | SystemTableNames> = GenericId<TableName>;',
    '',
  ];
}

type Table = AnalyzedSchema['tables'][number];

function staticDataModel(input: CodegenInput, schema: AnalyzedSchema): string {
  const tables = [...schema.tables].sort((a, b) => compareNames(a.tableName, b.tableName));
  const body = tables.map(
    (table) => `  ${propertyName(table.tableName)}: ${tableType(input, table)};`,
  );
  return [
    HEADER,
    `import type { DocumentByName, TableNamesInDataModel, SystemTableNames, AnyDataModel } from "${input.pkg.server}";`,
    `import type { GenericId } from "${input.pkg.values}";`,
    '',
    DATA_MODEL_DOC,
    `export type DataModel = {\n${body.join('\n')}\n}${schema.schemaValidation ? '' : ' & AnyDataModel'};`,
    '',
    ...commonTypes(),
  ].join('\n');
}

function tableType(input: CodegenInput, table: Table): string {
  const document = withSystemFields(table.tableName, table.documentType as ValidatorJson);
  const fieldPaths = [
    ...new Set([...fieldPathsOf(document)].map((segments) => segments.join('.'))),
  ].sort(compareNames);
  const indexes: [string, readonly string[]][] = [
    ['by_id', ['_id']],
    ['by_creation_time', ['_creationTime']],
  ];
  for (const index of table.indexes) {
    if (indexes.some(([name]) => name === index.indexDescriptor)) {
      throw new CliError(
        'server',
        `Duplicate index name ${index.indexDescriptor} in table ${table.tableName}.`,
      );
    }
    indexes.push([index.indexDescriptor, index.fields]);
  }
  const lines = [
    `    document: ${validatorType(document, { useIdType: true, valuesModule: input.pkg.values })};`,
    `    fieldPaths: ${stringUnion(fieldPaths)};`,
    '    indexes: {',
    ...indexes.map(([name, fields]) => `      ${propertyName(name)}: ${JSON.stringify(fields)};`),
    '    };',
    '    searchIndexes: {',
    ...(table.searchIndexes ?? []).map(
      (index) =>
        `      ${propertyName(index.indexDescriptor)}: { searchField: ${JSON.stringify(index.searchField)}; filterFields: ${stringUnion(index.filterFields)} };`,
    ),
    '    };',
    '    vectorIndexes: {',
    ...(table.vectorIndexes ?? []).map(
      (index) =>
        `      ${propertyName(index.indexDescriptor)}: { vectorField: ${JSON.stringify(index.vectorField)}; dimensions: number; filterFields: ${stringUnion(index.filterFields)} };`,
    ),
    '    };',
  ];
  return `{\n${lines.join('\n')}\n  }`;
}

/** A table's document validator with `_id` and `_creationTime` (objects and unions of objects). */
function withSystemFields(tableName: string, validator: ValidatorJson): ValidatorJson {
  if (validator.type === 'any') return validator;
  if (validator.type === 'union') {
    return {
      type: 'union',
      value: validator.value.map((member) => addSystemFields(tableName, member)),
    };
  }
  return addSystemFields(tableName, validator);
}

function addSystemFields(tableName: string, validator: ValidatorJson): ValidatorJson {
  if (validator.type !== 'object') {
    throw new CliError(
      'server',
      `The schema of table ${tableName} is not an object (or a union of objects).`,
    );
  }
  for (const field of ['_id', '_creationTime']) {
    if (Object.hasOwn(validator.value, field)) {
      throw new CliError(
        'server',
        `The schema of table ${tableName} declares the system field ${field}.`,
      );
    }
  }
  return {
    type: 'object',
    value: {
      ...validator.value,
      _id: { fieldType: { type: 'id', tableName }, optional: false },
      _creationTime: { fieldType: { type: 'number' }, optional: false },
    },
  };
}

function* fieldPathsOf(validator: ValidatorJson): Generator<string[]> {
  if (validator.type === 'object') {
    for (const [name, field] of Object.entries(validator.value)) {
      yield [name];
      for (const nested of fieldPathsOf(field.fieldType)) {
        if (nested.length > 0) yield [name, ...nested];
      }
    }
  } else if (validator.type === 'union') {
    for (const member of validator.value) yield* fieldPathsOf(member);
  } else if (validator.type === 'record') {
    yield ['${string}'];
  } else {
    yield [];
  }
}

function stringUnion(values: readonly string[]): string {
  if (values.length === 0) return 'never';
  return values
    .map((value) => (value.includes('${') ? `\`${value}\`` : JSON.stringify(value)))
    .join(' | ');
}
