import { v } from '@selfhost/values';
import type { TableNamesInDataModel } from '../data-model/data-model.ts';
import type { DataModelFromSchemaDefinition } from './data-model-from-schema.ts';
import { defineSchema } from './schema-definition.ts';
import { defineTable } from './define-table.ts';

// The system tables user code can read through `ctx.db.system` (compat spec §1.7). Only the
// return type is used: a function keeps the validators from being built at import time.
function _systemSchema() {
  return defineSchema({
    _scheduled_functions: defineTable({
      name: v.string(),
      args: v.array(v.any()),
      scheduledTime: v.float64(),
      completedTime: v.optional(v.float64()),
      state: v.union(
        v.object({ kind: v.literal('pending') }),
        v.object({ kind: v.literal('inProgress') }),
        v.object({ kind: v.literal('success') }),
        v.object({ kind: v.literal('failed'), error: v.string() }),
        v.object({ kind: v.literal('canceled') }),
      ),
    }),
    _storage: defineTable({
      sha256: v.string(),
      size: v.float64(),
      contentType: v.optional(v.string()),
    }),
  });
}

/**
 * The data model of the system tables `_scheduled_functions` and `_storage`.
 *
 * @example
 * ```ts
 * type Job = DocumentByName<SystemDataModel, '_scheduled_functions'>;
 * ```
 */
// An interface (not an alias) so editors show its name, as convex/server declares it.
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface SystemDataModel extends DataModelFromSchemaDefinition<
  ReturnType<typeof _systemSchema>
> {}

/**
 * The names of the system tables user code can read.
 *
 * @example
 * ```ts
 * const table: SystemTableNames = '_storage';
 * ```
 */
export type SystemTableNames = TableNamesInDataModel<SystemDataModel>;
