import {
  paginationOptsValidator,
  query,
  type FilterBuilder,
  type GenericDocument,
  type GenericTableInfo,
  type PaginationResult,
} from '@selfhost/client/server';
import { v, type Value } from '@selfhost/client/values';
import { databaseFilter, indexRange, partitionClauses, type RangeBuilder } from './lib/apply-filters.ts';
import { decodeFilterExpression, type FilterExpression } from './lib/filter-expression.ts';
import { indexFields } from './lib/schema-json.ts';
import { userTables } from './lib/user-tables.ts';
import { hasType } from './lib/value-type.ts';

// Bounds one page's reads, so a selective filter on a big table returns a short page (and the
// client asks for the next one) instead of failing on the transaction's read limit.
const maximumRowsRead = 4_096;
const maximumBytesRead = 4_000_000;

/**
 * `_system/frontend/paginatedTableDocuments`: one page of a table for the data grid, newest
 * first unless `filters` says otherwise. `filters` is base64 of a {@link FilterExpression}: the
 * filter rows, the order, and the index to read through (with clauses on its fields).
 */
export default query({
  args: { paginationOpts: paginationOptsValidator, table: v.string(), filters: v.union(v.string(), v.null()) },
  handler: async (ctx, { paginationOpts, table, filters }): Promise<PaginationResult<GenericDocument>> => {
    const expression: FilterExpression = filters ? decodeFilterExpression(filters) : { clauses: [] };
    const { database, types } = partitionClauses(expression.clauses);
    const order = expression.order ?? 'desc';
    const byId = database.length === 1 && database[0]?.op === 'eq' && database[0].field === '_id' ? database[0].value : undefined;
    if (typeof byId === 'string') {
      // "Go to document": a direct read instead of a scan.
      const db = userTables(ctx.db);
      const id = db.normalizeId(table, byId);
      const document = id === null ? null : await db.get(id);
      return { page: document === null ? [] : [document], isDone: true, continueCursor: 'end' };
    }
    const initializer = userTables(ctx.db).query(table);

    const indexName = expression.index?.name ?? 'by_creation_time';
    const fields = await indexFields(ctx.db, table, indexName);
    if (fields === null) throw new Error(`Index ${table}.${indexName} not found in the active schema.`);
    const clauses = expression.index?.clauses ?? [];
    const indexed = initializer.withIndex(indexName, (q) => indexRange(q as unknown as RangeBuilder, fields, clauses) as never);

    const result = await indexed
      .order(order)
      .filter((q) => databaseFilter(q as unknown as FilterBuilder<GenericTableInfo>, database))
      .paginate({ ...paginationOpts, maximumRowsRead, maximumBytesRead });
    if (types.length === 0) return result;
    const page = result.page.filter((document) =>
      types.every((clause) => {
        const matches = hasType((document as Record<string, Value | undefined>)[clause.field ?? ''], clause.value ?? 'unset');
        return clause.op === 'type' ? matches : !matches;
      }),
    );
    return { ...result, page };
  },
});
