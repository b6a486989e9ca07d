import type { JSONValue } from '@selfhost/values';
import { DatabaseError } from '../errors/database-error.ts';

/**
 * A range expression of an index query (compat §4.7).
 *
 * @example
 * ```ts
 * const r: RangeExpression = { type: 'Eq', fieldPath: 'author', value: 'ada' };
 * ```
 */
export interface RangeExpression {
  readonly type: 'Eq' | 'Gt' | 'Gte' | 'Lt' | 'Lte';
  readonly fieldPath: string;
  /** Convex-JSON; `{"$undefined":null}` means "missing". */
  readonly value: JSONValue;
}

/**
 * Where a query reads from.
 *
 * @example
 * ```ts
 * const s: QuerySource = { type: 'FullTableScan', tableName: 'messages', order: 'desc' };
 * ```
 */
export type QuerySource =
  | {
      readonly type: 'FullTableScan';
      readonly tableName: string;
      readonly order: 'asc' | 'desc' | null;
    }
  | {
      readonly type: 'IndexRange';
      readonly indexName: string;
      readonly range: readonly RangeExpression[];
      readonly order: 'asc' | 'desc' | null;
    };

/**
 * One operator after the source: a filter expression or a limit.
 *
 * @example
 * ```ts
 * const op: QueryOperator = { limit: 10 };
 * ```
 */
export type QueryOperator = { readonly filter: JSONValue } | { readonly limit: number };

/**
 * The JSON query of `1.0/queryStream` / `1.0/queryPage` (compat §4.7), without search sources
 * (those belong to the text-search package).
 *
 * @example
 * ```ts
 * const q: SerializedQuery = {
 *   source: { type: 'IndexRange', indexName: 'messages.by_channel', range: [{ type: 'Eq', fieldPath: 'channel', value: 'c1' }], order: 'asc' },
 *   operators: [{ limit: 10 }],
 * };
 * ```
 */
export interface SerializedQuery {
  readonly source: QuerySource;
  readonly operators: readonly QueryOperator[];
}

const invalid = (message: string): DatabaseError =>
  new DatabaseError('InvalidQuery', `Invalid query: ${message}`);

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function parseOrder(value: unknown): 'asc' | 'desc' | null {
  if (value === undefined || value === null) return null;
  if (value === 'asc' || value === 'desc') return value;
  throw invalid(`order must be "asc", "desc" or null, not ${JSON.stringify(value)}`);
}

/**
 * Checks the shape of a query received as JSON (STYLE.md habit 16: validated where it enters).
 *
 * @throws {DatabaseError} `InvalidQuery`.
 * @example
 * ```ts
 * const query = parseSerializedQuery(args.query);
 * ```
 */
export function parseSerializedQuery(json: unknown): SerializedQuery {
  if (!isRecord(json) || !isRecord(json['source'])) throw invalid('expected {source, operators}');
  const source = json['source'];
  const operatorsJson = json['operators'] ?? [];
  if (!Array.isArray(operatorsJson)) throw invalid('operators must be a list');
  const operators = operatorsJson.map((op: unknown): QueryOperator => {
    if (isRecord(op) && 'filter' in op) return { filter: op['filter'] as JSONValue };
    if (isRecord(op) && 'limit' in op) {
      const limit = op['limit'];
      if (typeof limit !== 'number' || !Number.isInteger(limit) || limit < 0)
        throw invalid(`limit must be a non-negative integer, not ${JSON.stringify(limit)}`);
      return { limit };
    }
    throw invalid(`unknown operator ${JSON.stringify(op)}`);
  });
  switch (source['type']) {
    case 'FullTableScan': {
      if (typeof source['tableName'] !== 'string') throw invalid('FullTableScan needs a tableName');
      return {
        source: {
          type: 'FullTableScan',
          tableName: source['tableName'],
          order: parseOrder(source['order']),
        },
        operators,
      };
    }
    case 'IndexRange': {
      if (typeof source['indexName'] !== 'string') throw invalid('IndexRange needs an indexName');
      const rangeJson = source['range'] ?? [];
      if (!Array.isArray(rangeJson)) throw invalid('range must be a list');
      const range = rangeJson.map((expr: unknown): RangeExpression => {
        if (
          !isRecord(expr) ||
          typeof expr['fieldPath'] !== 'string' ||
          !['Eq', 'Gt', 'Gte', 'Lt', 'Lte'].includes(String(expr['type']))
        ) {
          throw invalid(`bad range expression ${JSON.stringify(expr)}`);
        }
        return {
          type: expr['type'] as RangeExpression['type'],
          fieldPath: expr['fieldPath'],
          value: (expr['value'] ?? null) as JSONValue,
        };
      });
      return {
        source: {
          type: 'IndexRange',
          indexName: source['indexName'],
          range,
          order: parseOrder(source['order']),
        },
        operators,
      };
    }
    case 'Search':
      throw invalid(
        'search queries are answered by the text-search index, not by database index ranges',
      );
    default:
      throw invalid(`unknown source type ${JSON.stringify(source['type'])}`);
  }
}
