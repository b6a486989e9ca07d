import { checkArgPresent } from '../args/check-arg.ts';
import type { GenericDocument, GenericTableInfo } from '../data-model/data-model.ts';
import type { PaginationOptions, PaginationResult } from '../pagination/pagination.ts';
import { performAsyncSyscall } from '../syscall/perform-async-syscall.ts';
import type { ExpressionOrValue } from './expression.ts';
import type { FilterBuilder } from './filter-builder.ts';
import { type IndexRangeBuilderImpl, serializeIndexRange } from './index-range-builder-impl.ts';
import { QueryImpl } from './query-impl.ts';
import { SearchFilterBuilderImpl } from './search-filter-builder-impl.ts';
import type { QueryOrder } from './serialized-query.ts';

/**
 * What `ctx.db.query(table)` returns: chooses the source of the query. Used directly, it reads
 * the whole table in creation order. Unlike the queries it creates, it can be used many times.
 *
 * @example
 * ```ts
 * const messages = new QueryInitializerImpl('messages');
 * await messages.withIndex('by_channel', (q) => q.eq('channel', 'general')).collect();
 * ```
 */
export class QueryInitializerImpl implements AsyncIterable<GenericDocument> {
  readonly #tableName: string;

  constructor(tableName: string) {
    this.#tableName = tableName;
  }

  withIndex(indexName: string, indexRange?: (q: IndexRangeBuilderImpl) => unknown): QueryImpl {
    checkArgPresent(indexName, { position: 1, method: 'withIndex', argName: 'indexName' });
    return new QueryImpl({
      source: {
        type: 'IndexRange',
        indexName: `${this.#tableName}.${indexName}`,
        range: serializeIndexRange(indexRange),
        order: null,
      },
      operators: [],
    });
  }

  withSearchIndex(
    indexName: string,
    searchFilter: (q: SearchFilterBuilderImpl) => unknown,
  ): QueryImpl {
    checkArgPresent(indexName, { position: 1, method: 'withSearchIndex', argName: 'indexName' });
    checkArgPresent(searchFilter, {
      position: 2,
      method: 'withSearchIndex',
      argName: 'searchFilter',
    });
    const built = searchFilter(SearchFilterBuilderImpl.start());
    if (!(built instanceof SearchFilterBuilderImpl)) {
      throw new Error(
        'The `withSearchIndex` callback must return the filter builder it was given, e.g. `(q) => q.search("body", text)`.',
      );
    }
    return new QueryImpl({
      source: {
        type: 'Search',
        indexName: `${this.#tableName}.${indexName}`,
        filters: built.serialize(),
      },
      operators: [],
    });
  }

  fullTableScan(): QueryImpl {
    return new QueryImpl({
      source: { type: 'FullTableScan', tableName: this.#tableName, order: null },
      operators: [],
    });
  }

  /**
   * The number of documents in the table. Not part of the typed API (convex/server keeps it
   * internal), but present at run time like there.
   */
  async count(): Promise<number> {
    return (await performAsyncSyscall('1.0/count', { table: this.#tableName })) as number;
  }

  order(order: QueryOrder): QueryImpl {
    return this.fullTableScan().order(order);
  }

  filter(predicate: (q: FilterBuilder<GenericTableInfo>) => ExpressionOrValue<boolean>): QueryImpl {
    return this.fullTableScan().filter(predicate);
  }

  limit(n: number): QueryImpl {
    return this.fullTableScan().limit(n);
  }

  collect(): Promise<GenericDocument[]> {
    return this.fullTableScan().collect();
  }

  take(n: number): Promise<GenericDocument[]> {
    return this.fullTableScan().take(n);
  }

  paginate(paginationOpts: PaginationOptions): Promise<PaginationResult<GenericDocument>> {
    return this.fullTableScan().paginate(paginationOpts);
  }

  first(): Promise<GenericDocument | null> {
    return this.fullTableScan().first();
  }

  unique(): Promise<GenericDocument | null> {
    return this.fullTableScan().unique();
  }

  [Symbol.asyncIterator](): AsyncIterableIterator<GenericDocument> {
    return this.fullTableScan()[Symbol.asyncIterator]();
  }
}
