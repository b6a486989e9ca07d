import type { GenericId, Value } from '@selfhost/values';
import type {
  DocumentByInfo,
  FieldTypeFromFieldPath,
  GenericDataModel,
  GenericDocument,
  GenericTableInfo,
  GenericVectorIndexConfig,
  NamedTableInfo,
  NamedVectorIndex,
  TableNamesInDataModel,
  VectorIndexNames,
} from '../data-model/data-model.ts';

/**
 * A filter expression of a vector search. Build them with the {@link VectorFilterBuilder}.
 *
 * @example
 * ```ts
 * const filter = (q: VectorFilterBuilder<Doc, Config>): FilterExpression<boolean> => q.eq('kind', 'article');
 * ```
 */
export abstract class FilterExpression<TValue extends Value | undefined> {
  declare private readonly isExpression: undefined;
  declare private readonly valueType: TValue;

  /** @internal */
  constructor() {}
}

/**
 * Builds the filter of a vector search: equalities on the index's filter fields, combined with
 * `or`.
 *
 * @example
 * ```ts
 * filter: (q) => q.or(q.eq('kind', 'article'), q.eq('kind', 'note'))
 * ```
 */
export interface VectorFilterBuilder<
  TDocument extends GenericDocument,
  TVectorIndexConfig extends GenericVectorIndexConfig,
> {
  /** `fieldName === value` */
  eq<TFieldName extends TVectorIndexConfig['filterFields']>(
    fieldName: TFieldName,
    value: FieldTypeFromFieldPath<TDocument, TFieldName>,
  ): FilterExpression<boolean>;
  /** `exprs[0] || exprs[1] || …` */
  or(...exprs: Array<FilterExpression<boolean>>): FilterExpression<boolean>;
}

/**
 * The query of `ctx.vectorSearch`.
 *
 * @example
 * ```ts
 * const query: VectorSearchQuery<TableInfo, 'by_embedding'> = { vector, limit: 16 };
 * ```
 */
export interface VectorSearchQuery<
  TTableInfo extends GenericTableInfo,
  TIndexName extends VectorIndexNames<TTableInfo>,
> {
  /** The query vector; its length must be the index's dimensions. */
  vector: number[];
  /** How many results (default 10, at most 256). */
  limit?: number;
  /** Restricts results to documents matching this filter. */
  filter?: (
    q: VectorFilterBuilder<DocumentByInfo<TTableInfo>, NamedVectorIndex<TTableInfo, TIndexName>>,
  ) => FilterExpression<boolean>;
}

/**
 * The type of `ctx.vectorSearch`.
 *
 * @example
 * ```ts
 * const search: VectorSearch<DataModel, 'docs', 'by_embedding'> = ctx.vectorSearch;
 * ```
 */
export type VectorSearch<
  TDataModel extends GenericDataModel,
  TTableName extends TableNamesInDataModel<TDataModel>,
  TIndexName extends VectorIndexNames<NamedTableInfo<TDataModel, TTableName>>,
> = (
  tableName: TTableName,
  indexName: TIndexName,
  query: VectorSearchQuery<NamedTableInfo<TDataModel, TTableName>, TIndexName>,
) => Promise<Array<{ _id: GenericId<TTableName>; _score: number }>>;
