import * as v from 'valibot';
import { jsonValueSchema } from '../../json-value.ts';

const staged = v.optional(v.boolean());

/**
 * Schema for an index as reported in push diffs (snake_case containers, camelCase entries):
 * a database, search or vector index, told apart by `type`; `name` is `table.index`.
 *
 * @example
 * ```ts
 * const index: DeveloperIndexConfig = { name: 'messages.by_channel', type: 'database', fields: ['channel'], staged: false };
 * ```
 */
export const developerIndexConfigSchema = v.variant('type', [
  v.object({ name: v.string(), type: v.literal('database'), fields: v.array(v.string()), staged }),
  v.object({
    name: v.string(),
    type: v.literal('search'),
    searchField: v.string(),
    filterFields: v.array(v.string()),
    staged,
  }),
  v.object({
    name: v.string(),
    type: v.literal('vector'),
    vectorField: v.string(),
    dimensions: v.number(),
    filterFields: v.array(v.string()),
    staged,
  }),
]);

/**
 * An index in a push diff.
 *
 * @example
 * ```ts
 * const index: DeveloperIndexConfig = { name: 'docs.search_body', type: 'search', searchField: 'body', filterFields: [] };
 * ```
 */
export type DeveloperIndexConfig = v.InferOutput<typeof developerIndexConfigSchema>;

/**
 * Schema for `IndexDiff` (keys are snake_case, as the CLI expects).
 *
 * @example
 * ```ts
 * const diff: IndexDiff = { added_indexes: [], removed_indexes: [], enabled_indexes: [], disabled_indexes: [] };
 * ```
 */
export const indexDiffSchema = v.object({
  added_indexes: v.array(developerIndexConfigSchema),
  removed_indexes: v.array(developerIndexConfigSchema),
  enabled_indexes: v.optional(v.array(developerIndexConfigSchema)),
  disabled_indexes: v.optional(v.array(developerIndexConfigSchema)),
});

/**
 * The index changes of a push for one component.
 *
 * @example
 * ```ts
 * const diff: IndexDiff = { added_indexes: [], removed_indexes: [] };
 * ```
 */
export type IndexDiff = v.InferOutput<typeof indexDiffSchema>;

/**
 * Schema for `schemaChange`: returned by `start_push`/`evaluate_push` and passed back verbatim to
 * `wait_for_schema`. `allocatedComponentIds` and `schemaIds` are opaque to the CLI.
 *
 * @example
 * ```ts
 * const change: SchemaChange = { allocatedComponentIds: {}, schemaIds: { '': null }, indexDiffs: { '': { added_indexes: [], removed_indexes: [] } } };
 * ```
 */
export const schemaChangeSchema = v.object({
  allocatedComponentIds: jsonValueSchema,
  schemaIds: jsonValueSchema,
  indexDiffs: v.optional(v.record(v.string(), indexDiffSchema)),
});

/**
 * A push's schema change.
 *
 * @example
 * ```ts
 * declare const change: SchemaChange;
 * change.indexDiffs?.['']?.added_indexes.length;
 * ```
 */
export type SchemaChange = v.InferOutput<typeof schemaChangeSchema>;
