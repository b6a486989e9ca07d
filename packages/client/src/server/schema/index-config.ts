/**
 * The configuration of a database index: its fields, in order.
 *
 * @example
 * ```ts
 * defineTable({ channel: v.string() }).index('by_channel', { fields: ['channel'] });
 * ```
 */
export interface DbIndexConfig<TFirstFieldPath extends string, TRestFieldPaths extends string[]> {
  /** The indexed fields; `_creationTime` is appended automatically. */
  fields: [TFirstFieldPath, ...TRestFieldPaths];
}

/**
 * The configuration of a full-text search index.
 *
 * @example
 * ```ts
 * defineTable({ body: v.string(), channel: v.string() }).searchIndex('search_body', { searchField: 'body', filterFields: ['channel'] });
 * ```
 */
export interface SearchIndexConfig<TSearchField extends string, TFilterFields extends string> {
  /** The string field whose text is indexed. */
  searchField: TSearchField;
  /** Fields that searches can filter on by equality. */
  filterFields?: TFilterFields[];
}

/**
 * The configuration of a vector index.
 *
 * @example
 * ```ts
 * defineTable({ embedding: v.array(v.float64()) }).vectorIndex('by_embedding', { vectorField: 'embedding', dimensions: 1536 });
 * ```
 */
export interface VectorIndexConfig<TVectorField extends string, TFilterFields extends string> {
  /** The `v.array(v.float64())` field holding the vectors. */
  vectorField: TVectorField;
  /** The length of every vector (2–4096). */
  dimensions: number;
  /** Fields that searches can filter on by equality. */
  filterFields?: TFilterFields[];
}

/**
 * Whether an index is staged: backfilled but not yet usable by queries.
 *
 * @example
 * ```ts
 * defineTable({ a: v.string() }).index('by_a', { fields: ['a'], staged: true });
 * ```
 */
export interface IndexOptions {
  /** Build the index in the background without making it queryable yet. */
  staged?: boolean;
}

/**
 * A database index as exported in the schema JSON.
 *
 * @example
 * ```ts
 * const index: Index = { indexDescriptor: 'by_channel', fields: ['channel'] };
 * ```
 */
export type Index = {
  indexDescriptor: string;
  fields: string[];
};

/**
 * A search index as exported in the schema JSON.
 *
 * @example
 * ```ts
 * const index: SearchIndex = { indexDescriptor: 'search_body', searchField: 'body', filterFields: [] };
 * ```
 */
export type SearchIndex = {
  indexDescriptor: string;
  searchField: string;
  filterFields: string[];
};

/**
 * A vector index as exported in the schema JSON.
 *
 * @example
 * ```ts
 * const index: VectorIndex = { indexDescriptor: 'by_embedding', vectorField: 'embedding', dimensions: 3, filterFields: [] };
 * ```
 */
export type VectorIndex = {
  indexDescriptor: string;
  vectorField: string;
  dimensions: number;
  filterFields: string[];
};
