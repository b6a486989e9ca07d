import { v, type GenericId, type VId } from '@selfhost/values';
import { type DocValidator, docValidator } from './doc-validator.ts';
import type { TableDefinition } from './table-definition.ts';

/**
 * The tables of a schema: table name → definition.
 *
 * @example
 * ```ts
 * const tables: GenericSchema = { messages: defineTable({ body: v.string() }) };
 * ```
 */
export type GenericSchema = Record<string, TableDefinition>;

/**
 * The options of `defineSchema`.
 *
 * @example
 * ```ts
 * defineSchema(tables, { schemaValidation: false, strictTableNameTypes: false });
 * ```
 */
export interface DefineSchemaOptions<TStrictTableNameTypes extends boolean> {
  /** Whether the backend validates documents against the schema (default `true`). */
  schemaValidation?: boolean;
  /** Whether only the tables of the schema type-check (default `true`); `false` allows any table name. */
  strictTableNameTypes?: TStrictTableNameTypes;
}

/**
 * A schema: the default export of `convex/schema.ts`. Create it with `defineSchema`.
 *
 * @example
 * ```ts
 * export default defineSchema({ messages: defineTable({ body: v.string() }) });
 * ```
 */
export class SchemaDefinition<TSchema extends GenericSchema, TStrictTableTypes extends boolean> {
  /** The tables. */
  tables: TSchema;
  /** Type-only: whether table names are checked strictly. */
  declare strictTableNameTypes: TStrictTableTypes;
  /** Whether the backend validates documents against the schema. */
  readonly schemaValidation: boolean;

  /** @internal Use `defineSchema`. */
  constructor(tables: TSchema, options?: DefineSchemaOptions<TStrictTableTypes>) {
    this.tables = tables;
    this.schemaValidation =
      options?.schemaValidation === undefined ? true : options.schemaValidation;
  }

  /** The validator of the stored documents of `tableName` (with system fields). */
  doc<TTableName extends keyof TSchema & string>(
    tableName: TTableName,
  ): DocValidator<TTableName, TSchema[TTableName]['validator']> {
    return docValidator(tableName, this.#table(tableName)) as DocValidator<
      TTableName,
      TSchema[TTableName]['validator']
    >;
  }

  /** `v.id(tableName)`, checked against the schema's tables. */
  id<TTableName extends keyof TSchema & string>(tableName: TTableName): VId<GenericId<TTableName>> {
    this.#table(tableName);
    return v.id(tableName);
  }

  /** @internal The JSON text the host reads at push time (compat spec §4.5). */
  export(): string {
    return JSON.stringify({
      tables: Object.entries(this.tables).map(([tableName, definition]) => ({
        tableName,
        ...definition.export(),
      })),
      schemaValidation: this.schemaValidation,
    });
  }

  #table(tableName: string): TableDefinition {
    const table = this.tables[tableName];
    if (table === undefined) {
      throw new Error(
        `Table "${tableName}" is not in this schema. Tables in this schema: ${Object.keys(this.tables).join(', ')}`,
      );
    }
    return table;
  }
}

/**
 * Defines the schema of a deployment: the default export of `convex/schema.ts`. Codegen derives
 * the data model types from it, and the backend validates documents against it.
 *
 * @example
 * ```ts
 * export default defineSchema({
 *   messages: defineTable({ channel: v.string(), body: v.string() }).index('by_channel', ['channel']),
 * });
 * ```
 */
export function defineSchema<
  TSchema extends GenericSchema,
  TStrictTableNameTypes extends boolean = true,
>(
  schema: TSchema,
  options?: DefineSchemaOptions<TStrictTableNameTypes>,
): SchemaDefinition<TSchema, TStrictTableNameTypes> {
  return new SchemaDefinition(schema, options);
}
