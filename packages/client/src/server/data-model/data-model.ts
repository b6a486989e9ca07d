// These are the data-model types of convex/server (generated `dataModel.d.ts` files use them);
// `any` appears where they do.
/* eslint-disable @typescript-eslint/no-explicit-any */
import type { Value } from '@selfhost/values';
import type { SystemIndexes } from './system-fields.ts';

/**
 * A document as stored: an object of Convex values.
 *
 * @example
 * ```ts
 * const doc: GenericDocument = { _id: 'j57…', _creationTime: 1, body: 'hi' };
 * ```
 */
export type GenericDocument = Record<string, Value>;

/**
 * The field paths of a table, like `"author.name"`: a union of string literals.
 *
 * @example
 * ```ts
 * type Paths = GenericFieldPaths; // string
 * ```
 */
export type GenericFieldPaths = string;

/**
 * The ordered field paths of one index.
 *
 * @example
 * ```ts
 * const fields: GenericIndexFields = ['channel', '_creationTime'];
 * ```
 */
export type GenericIndexFields = string[];

/**
 * The indexes of a table: index name → field paths.
 *
 * @example
 * ```ts
 * type Indexes = GenericTableIndexes; // Record<string, string[]>
 * ```
 */
export type GenericTableIndexes = Record<string, GenericIndexFields>;

/**
 * The configuration of one text search index.
 *
 * @example
 * ```ts
 * const config: GenericSearchIndexConfig = { searchField: 'body', filterFields: 'channel' };
 * ```
 */
export type GenericSearchIndexConfig = {
  searchField: string;
  filterFields: string;
};

/**
 * The search indexes of a table: index name → configuration.
 *
 * @example
 * ```ts
 * type SearchIndexes = GenericTableSearchIndexes;
 * ```
 */
export type GenericTableSearchIndexes = Record<string, GenericSearchIndexConfig>;

/**
 * The configuration of one vector index.
 *
 * @example
 * ```ts
 * const config: GenericVectorIndexConfig = { vectorField: 'embedding', dimensions: 1536, filterFields: 'kind' };
 * ```
 */
export type GenericVectorIndexConfig = {
  vectorField: string;
  dimensions: number;
  filterFields: string;
};

/**
 * The vector indexes of a table: index name → configuration.
 *
 * @example
 * ```ts
 * type VectorIndexes = GenericTableVectorIndexes;
 * ```
 */
export type GenericTableVectorIndexes = Record<string, GenericVectorIndexConfig>;

type ValueFromUnion<TUnion, TKey, TDefault> = TUnion extends TUnion
  ? TKey extends keyof TUnion
    ? TUnion[TKey]
    : TDefault
  : never;

/**
 * The type of the field at a dotted path in a document (`undefined` where the path may be
 * missing).
 *
 * @example
 * ```ts
 * type Name = FieldTypeFromFieldPath<{ author: { name: string } }, 'author.name'>; // string
 * ```
 */
export type FieldTypeFromFieldPath<TDocument extends GenericDocument, TFieldPath extends string> =
  FieldTypeFromFieldPathInner<TDocument, TFieldPath> extends Value | undefined
    ? FieldTypeFromFieldPathInner<TDocument, TFieldPath>
    : Value | undefined;

/**
 * The unchecked core of {@link FieldTypeFromFieldPath}.
 *
 * @example
 * ```ts
 * type Inner = FieldTypeFromFieldPathInner<{ a: { b: 1 } }, 'a.b'>; // 1
 * ```
 */
export type FieldTypeFromFieldPathInner<
  TDocument extends GenericDocument,
  TFieldPath extends string,
> = TFieldPath extends `${infer TFirst}.${infer TRest}`
  ? ValueFromUnion<TDocument, TFirst, Record<never, never>> extends infer TFieldValue
    ? // Distributes over a union of objects and non-objects, keeping only the objects.
      TFieldValue extends GenericDocument
      ? FieldTypeFromFieldPath<TFieldValue, TRest>
      : undefined
    : undefined
  : ValueFromUnion<TDocument, TFieldPath, undefined>;

/**
 * Everything the type system knows about one table.
 *
 * @example
 * ```ts
 * type Info = GenericTableInfo;
 * ```
 */
export type GenericTableInfo = {
  document: GenericDocument;
  fieldPaths: GenericFieldPaths;
  indexes: GenericTableIndexes;
  searchIndexes: GenericTableSearchIndexes;
  vectorIndexes: GenericTableVectorIndexes;
};

/**
 * The document type of a table.
 *
 * @example
 * ```ts
 * type Message = DocumentByInfo<NamedTableInfo<DataModel, 'messages'>>;
 * ```
 */
export type DocumentByInfo<TTableInfo extends GenericTableInfo> = TTableInfo['document'];

/**
 * The field paths of a table.
 *
 * @example
 * ```ts
 * type Paths = FieldPaths<NamedTableInfo<DataModel, 'messages'>>;
 * ```
 */
export type FieldPaths<TTableInfo extends GenericTableInfo> = TTableInfo['fieldPaths'];

/**
 * The database indexes of a table.
 *
 * @example
 * ```ts
 * type MessageIndexes = Indexes<NamedTableInfo<DataModel, 'messages'>>;
 * ```
 */
export type Indexes<TTableInfo extends GenericTableInfo> = TTableInfo['indexes'];

/**
 * The names of a table's database indexes.
 *
 * @example
 * ```ts
 * type Names = IndexNames<NamedTableInfo<DataModel, 'messages'>>; // 'by_channel' | 'by_id' | …
 * ```
 */
export type IndexNames<TTableInfo extends GenericTableInfo> = keyof Indexes<TTableInfo>;

/**
 * The field paths of one database index.
 *
 * @example
 * ```ts
 * type Fields = NamedIndex<NamedTableInfo<DataModel, 'messages'>, 'by_channel'>;
 * ```
 */
export type NamedIndex<
  TTableInfo extends GenericTableInfo,
  TIndexName extends IndexNames<TTableInfo>,
> = Indexes<TTableInfo>[TIndexName];

/**
 * The search indexes of a table.
 *
 * @example
 * ```ts
 * type S = SearchIndexes<NamedTableInfo<DataModel, 'messages'>>;
 * ```
 */
export type SearchIndexes<TTableInfo extends GenericTableInfo> = TTableInfo['searchIndexes'];

/**
 * The names of a table's search indexes.
 *
 * @example
 * ```ts
 * type Names = SearchIndexNames<NamedTableInfo<DataModel, 'messages'>>;
 * ```
 */
export type SearchIndexNames<TTableInfo extends GenericTableInfo> = keyof SearchIndexes<TTableInfo>;

/**
 * The configuration of one search index.
 *
 * @example
 * ```ts
 * type Config = NamedSearchIndex<NamedTableInfo<DataModel, 'messages'>, 'search_body'>;
 * ```
 */
export type NamedSearchIndex<
  TTableInfo extends GenericTableInfo,
  TIndexName extends SearchIndexNames<TTableInfo>,
> = SearchIndexes<TTableInfo>[TIndexName];

/**
 * The vector indexes of a table.
 *
 * @example
 * ```ts
 * type V = VectorIndexes<NamedTableInfo<DataModel, 'docs'>>;
 * ```
 */
export type VectorIndexes<TTableInfo extends GenericTableInfo> = TTableInfo['vectorIndexes'];

/**
 * The names of a table's vector indexes.
 *
 * @example
 * ```ts
 * type Names = VectorIndexNames<NamedTableInfo<DataModel, 'docs'>>;
 * ```
 */
export type VectorIndexNames<TTableInfo extends GenericTableInfo> = keyof VectorIndexes<TTableInfo>;

/**
 * The configuration of one vector index.
 *
 * @example
 * ```ts
 * type Config = NamedVectorIndex<NamedTableInfo<DataModel, 'docs'>, 'by_embedding'>;
 * ```
 */
export type NamedVectorIndex<
  TTableInfo extends GenericTableInfo,
  TIndexName extends VectorIndexNames<TTableInfo>,
> = VectorIndexes<TTableInfo>[TIndexName];

/**
 * The types of all tables of a deployment: table name → table info.
 *
 * @example
 * ```ts
 * type DataModel = GenericDataModel;
 * ```
 */
export type GenericDataModel = Record<string, GenericTableInfo>;

/**
 * A data model that accepts any table and any document: the data model of apps without a schema.
 *
 * @example
 * ```ts
 * export const query: QueryBuilder<AnyDataModel, 'public'> = queryGeneric;
 * ```
 */
export type AnyDataModel = {
  [tableName: string]: {
    document: any;
    fieldPaths: GenericFieldPaths;
    indexes: SystemIndexes;
    // `{}`: no search or vector indexes, exactly as convex/server writes it.
    searchIndexes: {}; // eslint-disable-line @typescript-eslint/no-empty-object-type
    vectorIndexes: {}; // eslint-disable-line @typescript-eslint/no-empty-object-type
  };
};

/**
 * The table names of a data model.
 *
 * @example
 * ```ts
 * type TableNames = TableNamesInDataModel<DataModel>;
 * ```
 */
export type TableNamesInDataModel<TDataModel extends GenericDataModel> = keyof TDataModel & string;

/**
 * The table info of one table of a data model.
 *
 * @example
 * ```ts
 * type Messages = NamedTableInfo<DataModel, 'messages'>;
 * ```
 */
export type NamedTableInfo<
  TDataModel extends GenericDataModel,
  TTableName extends keyof TDataModel,
> = TDataModel[TTableName];

/**
 * The document type of one table of a data model: what the generated `Doc<"messages">` is.
 *
 * @example
 * ```ts
 * type Message = DocumentByName<DataModel, 'messages'>;
 * ```
 */
export type DocumentByName<
  TDataModel extends GenericDataModel,
  TTableName extends TableNamesInDataModel<TDataModel>,
> = TDataModel[TTableName]['document'];
