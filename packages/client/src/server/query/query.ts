import type {
  DocumentByInfo,
  GenericTableInfo,
  IndexNames,
  NamedIndex,
  NamedSearchIndex,
  SearchIndexNames,
} from '../data-model/data-model.ts';
import type { PaginationOptions, PaginationResult } from '../pagination/pagination.ts';
import type { ExpressionOrValue } from './expression.ts';
import type { FilterBuilder } from './filter-builder.ts';
import type { IndexRange, IndexRangeBuilder } from './index-range-builder.ts';
import type { SearchFilter, SearchFilterBuilder } from './search-filter-builder.ts';

/**
 * The start of a query on one table (`ctx.db.query("messages")`): pick the index to read, or use
 * it directly as a full table scan in creation order.
 *
 * @example
 * ```ts
 * const recent = await ctx.db.query('messages').withIndex('by_channel', (q) => q.eq('channel', c)).order('desc').take(10);
 * ```
 */
export interface QueryInitializer<TTableInfo extends GenericTableInfo> extends Query<TTableInfo> {
  /** Reads the whole table in `_creationTime` order. */
  fullTableScan(): Query<TTableInfo>;
  /** Reads the index `indexName`, restricted to the range built by `indexRange` (all of it without). */
  withIndex<TIndexName extends IndexNames<TTableInfo>>(
    indexName: TIndexName,
    indexRange?: (
      q: IndexRangeBuilder<DocumentByInfo<TTableInfo>, NamedIndex<TTableInfo, TIndexName>>,
    ) => IndexRange,
  ): Query<TTableInfo>;
  /** Runs a full-text search on the search index `indexName`; results come in relevance order. */
  withSearchIndex<TIndexName extends SearchIndexNames<TTableInfo>>(
    indexName: TIndexName,
    searchFilter: (
      q: SearchFilterBuilder<DocumentByInfo<TTableInfo>, NamedSearchIndex<TTableInfo, TIndexName>>,
    ) => SearchFilter,
  ): OrderedQuery<TTableInfo>;
}

/**
 * A query whose order can still be chosen.
 *
 * @example
 * ```ts
 * ctx.db.query('messages').order('desc');
 * ```
 */
export interface Query<TTableInfo extends GenericTableInfo> extends OrderedQuery<TTableInfo> {
  /** Iterates the index in ascending (default) or descending order. */
  order(order: 'asc' | 'desc'): OrderedQuery<TTableInfo>;
}

/**
 * A query ready to be filtered and read. Each query can be read once.
 *
 * @example
 * ```ts
 * for await (const message of ctx.db.query('messages')) console.log(message.body);
 * ```
 */
export interface OrderedQuery<TTableInfo extends GenericTableInfo> extends AsyncIterable<
  DocumentByInfo<TTableInfo>
> {
  /** Keeps only the documents for which `predicate` evaluates to `true`. */
  filter(predicate: (q: FilterBuilder<TTableInfo>) => ExpressionOrValue<boolean>): this;
  /** Reads one page of results; see `paginationOptsValidator`. */
  paginate(
    paginationOpts: PaginationOptions,
  ): Promise<PaginationResult<DocumentByInfo<TTableInfo>>>;
  /** Reads all results. */
  collect(): Promise<Array<DocumentByInfo<TTableInfo>>>;
  /** Reads the first `n` results. */
  take(n: number): Promise<Array<DocumentByInfo<TTableInfo>>>;
  /** Reads the first result, or `null` when there is none. */
  first(): Promise<DocumentByInfo<TTableInfo> | null>;
  /** Reads the only result, or `null` when there is none; throws when there are several. */
  unique(): Promise<DocumentByInfo<TTableInfo> | null>;
}
