/* Generated data model types (the shape `npx convex codegen` writes). */
import type {
  DataModelFromSchemaDefinition,
  DocumentByName,
  TableNamesInDataModel,
  SystemTableNames,
} from '@selfhost/client/server';
import type { GenericId } from '@selfhost/client/values';
import type schema from '../schema.ts';

/** The names of all of your Convex tables. */
export type TableNames = TableNamesInDataModel<DataModel>;

/** The type of a document stored in Convex. */
export type Doc<TableName extends TableNames> = DocumentByName<DataModel, TableName>; // eslint-disable-line @typescript-eslint/naming-convention -- generated code

/** An identifier for a document in Convex. */
export type Id<TableName extends TableNames | SystemTableNames> = GenericId<TableName>; // eslint-disable-line @typescript-eslint/naming-convention -- generated code

/** A type describing your Convex data model. */
export type DataModel = DataModelFromSchemaDefinition<typeof schema>;
