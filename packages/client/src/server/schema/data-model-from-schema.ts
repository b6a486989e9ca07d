// Mirrors convex/server's DataModelFromSchemaDefinition, which matches tables of any types.
/* eslint-disable @typescript-eslint/no-explicit-any */
import type { Validator } from '@selfhost/values';
import type { AnyDataModel, GenericDataModel } from '../data-model/data-model.ts';
import type { IdField, SystemFields, SystemIndexes } from '../data-model/system-fields.ts';
import type { Expand } from '../type-utils.ts';
import type { SchemaDefinition } from './schema-definition.ts';
import type { TableDefinition } from './table-definition.ts';

type inferFieldPaths<TValidator extends Validator<any, any, any>> =
  TValidator['fieldPaths'] | keyof SystemFields;

// The system fields except `_id` (which depends on the table name), flattened for editors.
type inferDocument<TValidator extends Validator<any, any, any>> = Expand<
  SystemFields & TValidator['type']
>;

type MaybeMakeLooseDataModel<
  TDataModel extends GenericDataModel,
  TStrictTableNameTypes extends boolean,
> = TStrictTableNameTypes extends true ? TDataModel : Expand<TDataModel & AnyDataModel>;

/**
 * The data model described by a schema: what the generated `DataModel` is.
 *
 * @example
 * ```ts
 * export type DataModel = DataModelFromSchemaDefinition<typeof schema>;
 * ```
 */
export type DataModelFromSchemaDefinition<TSchemaDef extends SchemaDefinition<any, boolean>> =
  MaybeMakeLooseDataModel<
    {
      [
        TTableName in keyof TSchemaDef['tables'] & string
      ]: TSchemaDef['tables'][TTableName] extends TableDefinition<
        infer TDocumentType,
        infer TIndexes,
        infer TSearchIndexes,
        infer TVectorIndexes
      >
        ? {
            document: Expand<IdField<TTableName> & inferDocument<TDocumentType>>;
            fieldPaths: keyof IdField<TTableName> | inferFieldPaths<TDocumentType>;
            indexes: Expand<TIndexes & SystemIndexes>;
            searchIndexes: TSearchIndexes;
            vectorIndexes: TVectorIndexes;
          }
        : never;
    },
    TSchemaDef['strictTableNameTypes']
  >;
