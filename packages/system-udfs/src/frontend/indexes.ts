import { query } from '@selfhost/client/server';
import { v } from '@selfhost/client/values';
import { privateTables } from '../system-tables.ts';

const indexFieldsValidator = v.union(
  v.array(v.string()),
  v.object({ searchField: v.string(), filterFields: v.array(v.string()) }),
  v.object({ vectorField: v.string(), filterFields: v.array(v.string()), dimensions: v.number() }),
);

type IndexDocument = {
  name: string;
  fields: string[];
  state: string;
  staged: boolean;
  kind: string;
  searchField?: string;
  vectorField?: string;
  filterFields?: string[];
  dimensions?: number;
};

function indexFieldsOf(index: IndexDocument) {
  if (index.kind === 'search') return { searchField: index.searchField ?? index.fields[0] ?? '', filterFields: index.filterFields ?? [] };
  if (index.kind === 'vector') {
    return { vectorField: index.vectorField ?? index.fields[0] ?? '', filterFields: index.filterFields ?? [], dimensions: index.dimensions ?? 0 };
  }
  return index.fields;
}

/**
 * `_system/frontend/indexes`: a table's indexes (without the built-in `by_id` and
 * `by_creation_time`), with their fields and backfill state: `backfilling`, `backfilled`
 * (ready, waiting for the push to finish) or `done`.
 */
export default query({
  args: { tableName: v.optional(v.union(v.string(), v.null())), tableNamespace: v.optional(v.union(v.string(), v.null())) },
  returns: v.union(
    v.array(
      v.object({
        name: v.string(),
        staged: v.boolean(),
        fields: indexFieldsValidator,
        backfill: v.object({ state: v.union(v.literal('backfilling'), v.literal('backfilled'), v.literal('done')) }),
      }),
    ),
    v.null(),
  ),
  handler: async (ctx, { tableName }) => {
    if (!tableName) return null;
    // `_index` documents name their table by number, not by name.
    const table = await privateTables(ctx.db)
      .query('_tables')
      .withIndex('by_name', (q) => q.eq('name', tableName))
      .first();
    if (table === null) return [];
    const rows = await privateTables(ctx.db)
      .query('_index')
      .withIndex('by_table', (q) => q.eq('table', table.number))
      .collect();
    return rows
      .filter((index) => index.name !== 'by_id' && index.name !== 'by_creation_time')
      .map((index) => ({
        name: index.name,
        staged: index.staged,
        fields: indexFieldsOf(index as IndexDocument),
        backfill: { state: index.state === 'backfilling' ? ('backfilling' as const) : index.state === 'backfilled' ? ('backfilled' as const) : ('done' as const) },
      }));
  },
});
