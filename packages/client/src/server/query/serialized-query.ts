import type { JSONValue } from '@selfhost/values';

/**
 * One bound of an index range on the wire (compat spec §4.7). `value` is Convex-JSON, with
 * `{"$undefined": null}` standing for a missing field.
 *
 * @example
 * ```ts
 * const bound: SerializedRangeExpression = { type: 'Gte', fieldPath: 'score', value: 10 };
 * ```
 */
export type SerializedRangeExpression = {
  readonly type: 'Eq' | 'Gt' | 'Gte' | 'Lt' | 'Lte';
  readonly fieldPath: string;
  readonly value: JSONValue;
};

/**
 * One condition of a text search on the wire.
 *
 * @example
 * ```ts
 * const filter: SerializedSearchFilter = { type: 'Search', fieldPath: 'body', value: 'hello' };
 * ```
 */
export type SerializedSearchFilter =
  | { readonly type: 'Search'; readonly fieldPath: string; readonly value: string }
  | { readonly type: 'Eq'; readonly fieldPath: string; readonly value: JSONValue };

/**
 * Where a query reads from.
 *
 * @example
 * ```ts
 * const source: QuerySource = { type: 'FullTableScan', tableName: 'messages', order: null };
 * ```
 */
export type QuerySource =
  | {
      readonly type: 'FullTableScan';
      readonly tableName: string;
      readonly order: QueryOrder | null;
    }
  | {
      readonly type: 'IndexRange';
      readonly indexName: string;
      readonly range: readonly SerializedRangeExpression[];
      readonly order: QueryOrder | null;
    }
  | {
      readonly type: 'Search';
      readonly indexName: string;
      readonly filters: readonly SerializedSearchFilter[];
    };

/**
 * The iteration order of a query.
 *
 * @example
 * ```ts
 * const order: QueryOrder = 'desc';
 * ```
 */
export type QueryOrder = 'asc' | 'desc';

/**
 * One step applied to the stream of documents: a filter expression (Expr JSON) or a limit.
 *
 * @example
 * ```ts
 * const step: QueryOperator = { limit: 10 };
 * ```
 */
export type QueryOperator = { readonly filter: JSONValue } | { readonly limit: number };

/**
 * A query as sent to `1.0/queryStream` and `1.0/queryPage`.
 *
 * @example
 * ```ts
 * const query: SerializedQuery = { source: { type: 'FullTableScan', tableName: 't', order: null }, operators: [] };
 * ```
 */
export type SerializedQuery = {
  readonly source: QuerySource;
  readonly operators: readonly QueryOperator[];
};

/**
 * The most operators one query may have.
 *
 * @example
 * ```ts
 * if (operators.length >= MAX_QUERY_OPERATORS) throw new Error('too many');
 * ```
 */
export const MAX_QUERY_OPERATORS = 256;
