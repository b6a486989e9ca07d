import { jsonToConvex, type JSONValue } from '@selfhost/values';
import { checkArgNonNegativeInteger, checkArgPresent } from '../args/check-arg.ts';
import type { GenericDocument, GenericTableInfo } from '../data-model/data-model.ts';
import type { PaginationOptions, PaginationResult } from '../pagination/pagination.ts';
import { performAsyncSyscall } from '../syscall/perform-async-syscall.ts';
import { performSyscall } from '../syscall/perform-syscall.ts';
import { CONVEX_COMPAT_VERSION } from '../version.ts';
import type { ExpressionOrValue } from './expression.ts';
import { filterBuilder, serializeExpression } from './filter-builder-impl.ts';
import type { FilterBuilder } from './filter-builder.ts';
import { MAX_QUERY_OPERATORS, type QueryOrder, type SerializedQuery } from './serialized-query.ts';

type QueryState =
  | { readonly kind: 'building'; readonly query: SerializedQuery }
  | { readonly kind: 'streaming'; readonly queryId: number }
  | { readonly kind: 'chained' }
  | { readonly kind: 'finished' };

type PageResponse = {
  page: JSONValue[];
  isDone: boolean;
  continueCursor: string;
  splitCursor?: string | null;
  pageStatus?: 'SplitRecommended' | 'SplitRequired' | null;
};

/**
 * A query being built or read. Building steps (`order`, `filter`, `limit`) hand the query over to
 * a new object, so each object is either extended once or read once:
 *
 * - reading streams documents through `1.0/queryStream` / `1.0/queryStreamNext` and frees the
 *   stream with `1.0/queryCleanup` at its end (or when iteration stops early);
 * - `paginate` sends the whole query to `1.0/queryPage` instead.
 *
 * @example
 * ```ts
 * const docs = await new QueryImpl(query).filter((q) => q.eq(q.field('done'), false)).take(10);
 * ```
 */
export class QueryImpl implements AsyncIterableIterator<GenericDocument> {
  #state: QueryState;
  readonly #tableName: string;

  constructor(query: SerializedQuery) {
    this.#state = { kind: 'building', query };
    const { source } = query;
    this.#tableName =
      source.type === 'FullTableScan' ? source.tableName : (source.indexName.split('.')[0] ?? '');
  }

  order(order: QueryOrder): QueryImpl {
    checkArgPresent(order, { position: 1, method: 'order', argName: 'order' });
    const query = this.#handOver();
    const { source } = query;
    if (source.type === 'Search') {
      throw new Error(
        'Search queries are always in relevance order: remove the `.order(...)` call.',
      );
    }
    if (source.order !== null)
      throw new Error(
        'A query may specify its order only once: remove one of the `.order(...)` calls.',
      );
    return new QueryImpl({ ...query, source: { ...source, order } });
  }

  filter(predicate: (q: FilterBuilder<GenericTableInfo>) => ExpressionOrValue<boolean>): QueryImpl {
    checkArgPresent(predicate, { position: 1, method: 'filter', argName: 'predicate' });
    const query = this.#handOver();
    if (query.operators.length >= MAX_QUERY_OPERATORS) {
      throw new Error(
        `A query can have at most ${MAX_QUERY_OPERATORS} operators: combine filters with \`q.and(...)\` instead of chaining \`.filter(...)\`.`,
      );
    }
    const filter = serializeExpression(predicate(filterBuilder));
    return new QueryImpl({ ...query, operators: [...query.operators, { filter }] });
  }

  limit(n: number): QueryImpl {
    checkArgPresent(n, { position: 1, method: 'limit', argName: 'n' });
    const query = this.#handOver();
    return new QueryImpl({ ...query, operators: [...query.operators, { limit: n }] });
  }

  [Symbol.asyncIterator](): AsyncIterableIterator<GenericDocument> {
    this.#startStream();
    return this;
  }

  async next(): Promise<IteratorResult<GenericDocument>> {
    const state = this.#state;
    if (state.kind === 'chained' || state.kind === 'finished') throw closedQueryError(state.kind);
    // `next()` without `for await` starts the stream implicitly.
    const queryId = state.kind === 'building' ? this.#startStream() : state.queryId;
    const { value, done } = (await performAsyncSyscall('1.0/queryStreamNext', { queryId })) as {
      value: JSONValue;
      done: boolean;
    };
    if (done) this.#finish();
    return { value: jsonToConvex(value) as GenericDocument, done };
  }

  return(): Promise<IteratorResult<GenericDocument>> {
    this.#finish();
    return Promise.resolve({ done: true, value: undefined });
  }

  async paginate(paginationOpts: PaginationOptions): Promise<PaginationResult<GenericDocument>> {
    checkArgPresent(paginationOpts, { position: 1, method: 'paginate', argName: 'options' });
    const numItems = (paginationOpts as Partial<PaginationOptions> | null)?.numItems;
    if (typeof numItems !== 'number' || numItems < 0) {
      throw new Error(
        `\`options.numItems\` must be a non-negative number, received \`${String(numItems)}\`. ` +
          'Pass the `paginationOpts` argument of a function declared with `paginationOptsValidator`.',
      );
    }
    const query = this.#handOver();
    const response = (await performAsyncSyscall('1.0/queryPage', {
      query,
      cursor: paginationOpts.cursor,
      endCursor: paginationOpts.endCursor ?? null,
      pageSize: numItems,
      maximumRowsRead: paginationOpts.maximumRowsRead ?? null,
      maximumBytesRead: paginationOpts.maximumBytesRead,
      version: CONVEX_COMPAT_VERSION,
    })) as PageResponse;
    return {
      page: response.page.map((document) => jsonToConvex(document) as GenericDocument),
      isDone: response.isDone,
      continueCursor: response.continueCursor,
      splitCursor: response.splitCursor,
      pageStatus: response.pageStatus,
    };
  }

  async collect(): Promise<GenericDocument[]> {
    const documents: GenericDocument[] = [];
    for await (const document of this) documents.push(document);
    return documents;
  }

  async take(n: number): Promise<GenericDocument[]> {
    checkArgPresent(n, { position: 1, method: 'take', argName: 'n' });
    checkArgNonNegativeInteger(n, { position: 1, method: 'take', argName: 'n' });
    return await this.limit(n).collect();
  }

  async first(): Promise<GenericDocument | null> {
    const [first] = await this.take(1);
    return first ?? null;
  }

  async unique(): Promise<GenericDocument | null> {
    const firstTwo = await this.take(2);
    const [first, second] = firstTwo;
    if (second !== undefined) {
      throw new Error(
        `unique() query returned more than one result from table ${this.#tableName}:\n` +
          ` [${first?._id as string}, ${second._id as string}, ...]\n` +
          'Use `.first()` to read the first match, or narrow the query, for example with an index on a unique field.',
      );
    }
    return first ?? null;
  }

  /** Takes the query out of this object, which can then no longer be used. */
  #handOver(): SerializedQuery {
    const state = this.#state;
    if (state.kind !== 'building') {
      throw new Error(
        'This query has already been extended or read. A query object can be chained or read only once: ' +
          'build a new one with `ctx.db.query(...)` for each read.',
      );
    }
    this.#state = { kind: 'chained' };
    return state.query;
  }

  #startStream(): number {
    const state = this.#state;
    if (state.kind === 'streaming')
      throw new Error(
        'Iteration over a query can begin only once: build a new query to read again.',
      );
    if (state.kind !== 'building') throw closedQueryError(state.kind);
    const { queryId } = performSyscall('1.0/queryStream', {
      query: state.query,
      version: CONVEX_COMPAT_VERSION,
    }) as {
      queryId: number;
    };
    this.#state = { kind: 'streaming', queryId };
    return queryId;
  }

  #finish(): void {
    if (this.#state.kind === 'streaming')
      performSyscall('1.0/queryCleanup', { queryId: this.#state.queryId });
    this.#state = { kind: 'finished' };
  }
}

function closedQueryError(kind: 'chained' | 'finished'): Error {
  return new Error(
    kind === 'finished'
      ? 'This query has been read to its end and has no more documents: build a new query to read again.'
      : 'This query has been chained with another operator and cannot be read: read the query the operator returned.',
  );
}
