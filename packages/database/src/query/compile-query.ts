import type { JSONValue } from '@selfhost/values';
import { keyFieldsOf, type IndexInfo } from '../catalog/index-info.ts';
import type { TableInfo } from '../catalog/table-info.ts';
import { DatabaseError } from '../errors/database-error.ts';
import { KEY_MAX, KEY_MIN } from '../keys/index-key.ts';
import type { KeyInterval } from '../keys/interval-set.ts';
import type { DatabaseLimits } from '../limits/database-limits.ts';
import { CursorCodec } from './cursor-codec.ts';
import { compileExpression } from './filter-expression.ts';
import { compileIndexRange } from './index-range.ts';
import type { CompiledOperator } from './query-stream.ts';
import { parseSerializedQuery, type SerializedQuery } from './serialized-query.ts';

/**
 * A query ready to run: the table and index (undefined when the table does not exist yet), the
 * key interval, order, operators and the fingerprint that binds cursors to it.
 *
 * @internal
 * @example
 * ```ts
 * const compiled = compileQuery(json, ctx);
 * ```
 */
export interface CompiledQuery {
  readonly table: TableInfo | undefined;
  readonly index: IndexInfo | undefined;
  readonly interval: KeyInterval;
  readonly order: 'asc' | 'desc';
  readonly operators: readonly CompiledOperator[];
  readonly fingerprint: Buffer;
}

/**
 * What compiling needs from the transaction: limits, and table/index lookups that record their
 * reads in the read set.
 *
 * @internal
 * @example
 * ```ts
 * compileQuery(json, { limits, lookupTable, lookupIndex });
 * ```
 */
export interface QueryCompileContext {
  readonly limits: DatabaseLimits;
  lookupTable(name: string): TableInfo | undefined;
  lookupIndex(table: TableInfo, name: string): IndexInfo | undefined;
}

/**
 * Checks and compiles a serialized query (compat §4.7) against the catalog.
 *
 * @internal
 * @throws {DatabaseError} `InvalidQuery`, `IndexNotFound`, `InvalidIndexRange`, `LimitExceeded`.
 * @example
 * ```ts
 * compileQuery({ source: { type: 'FullTableScan', tableName: 't', order: null }, operators: [] }, ctx);
 * ```
 */
export function compileQuery(
  queryJson: SerializedQuery | JSONValue,
  ctx: QueryCompileContext,
): CompiledQuery {
  const query = parseSerializedQuery(queryJson);
  const limits = ctx.limits;
  if (query.operators.length > limits.maxQueryOperators) {
    throw new DatabaseError(
      'LimitExceeded',
      `Query has ${query.operators.length} operators: the limit maxQueryOperators is ${limits.maxQueryOperators}.`,
    );
  }
  const operators: CompiledOperator[] = query.operators.map((op) =>
    'filter' in op
      ? { kind: 'filter', test: compileExpression(op.filter) }
      : { kind: 'limit', limit: op.limit },
  );
  const source = query.source;
  const order = source.order ?? 'asc';
  let tableName: string;
  let indexName: string;
  if (source.type === 'FullTableScan') {
    tableName = source.tableName;
    indexName = 'by_creation_time';
  } else {
    const dot = source.indexName.indexOf('.');
    if (dot <= 0)
      throw new DatabaseError(
        'InvalidQuery',
        `Invalid query: index name "${source.indexName}" must be "table.index".`,
      );
    tableName = source.indexName.slice(0, dot);
    indexName = source.indexName.slice(dot + 1);
  }
  const table = ctx.lookupTable(tableName);
  const index = table === undefined ? undefined : ctx.lookupIndex(table, indexName);
  const builtIn = indexName === 'by_id' || indexName === 'by_creation_time';
  if (
    index === undefined
      ? table !== undefined || !builtIn
      : index.kind !== 'database' || index.state !== 'enabled'
  ) {
    const why =
      index === undefined
        ? ''
        : index.kind !== 'database'
          ? ` (it is a ${index.kind} index)`
          : index.staged
            ? ' (it is staged)'
            : ' (it is still backfilling)';
    throw new DatabaseError('IndexNotFound', `Index ${tableName}.${indexName} not found.${why}`, {
      tableName,
      indexName,
    });
  }
  const keyFields = keyFieldsOf({ name: indexName, fields: index?.fields ?? [] });
  const interval =
    source.type === 'IndexRange'
      ? compileIndexRange(`${tableName}.${indexName}`, keyFields, source.range)
      : { start: KEY_MIN, end: KEY_MAX };
  return {
    table,
    index,
    interval,
    order,
    operators,
    fingerprint: CursorCodec.fingerprint(queryJson, keyFields),
  };
}
