import type { CommitTsPlaceholder, GenericId } from '@selfhost/values';
import type {
  DocumentByName,
  GenericDataModel,
  NamedTableInfo,
  TableNamesInDataModel,
} from '../data-model/data-model.ts';
import type { WithOptionalSystemFields, WithoutSystemFields } from '../data-model/system-fields.ts';
import type { QueryInitializer } from '../query/query.ts';
import type { SystemDataModel } from '../schema/system-data-model.ts';

// Keeps a table-name union from being inferred from an id: `db.get("a", id)` must name one table.
type NonUnion<TValue> = TValue extends never ? never : TValue;

/**
 * A `db.patch` value: any subset of the document's fields; optional fields may be set to
 * `undefined` to remove them.
 *
 * @example
 * ```ts
 * const patch: PatchValue<{ a: string; b?: number }> = { b: undefined };
 * ```
 */
export type PatchValue<TDocument> = {
  [TKey in keyof TDocument]?: undefined extends TDocument[TKey]
    ? TDocument[TKey] | undefined
    : TDocument[TKey];
};

interface BaseDatabaseReader<TDataModel extends GenericDataModel> {
  /** Reads the document `id` of table `table`, or `null` when it does not exist. */
  get<TTableName extends TableNamesInDataModel<TDataModel>>(
    table: TTableName,
    id: GenericId<NonUnion<TTableName>>,
  ): Promise<DocumentByName<TDataModel, TTableName> | null>;
  /** Reads the document `id` (its table is encoded in the id), or `null` when it does not exist. */
  get<TTableName extends TableNamesInDataModel<TDataModel>>(
    id: GenericId<TTableName>,
  ): Promise<DocumentByName<TDataModel, TTableName> | null>;
  /** Starts a query on table `tableName`. */
  query<TTableName extends TableNamesInDataModel<TDataModel>>(
    tableName: TTableName,
  ): QueryInitializer<NamedTableInfo<TDataModel, TTableName>>;
  /**
   * The canonical id of `id` if it is an id of table `tableName` (in the current or legacy
   * format), else `null`. The document may still not exist.
   */
  normalizeId<TTableName extends TableNamesInDataModel<TDataModel>>(
    tableName: TTableName,
    id: string,
  ): GenericId<TTableName> | null;
}

/**
 * Reads one table: `ctx.db.table("messages")`.
 *
 * @example
 * ```ts
 * const message = await ctx.db.table('messages').get(id);
 * ```
 */
export interface BaseTableReader<
  TDataModel extends GenericDataModel,
  TTableName extends TableNamesInDataModel<TDataModel>,
> {
  /** Reads the document `id`, or `null` when it does not exist. */
  get(id: GenericId<TTableName>): Promise<DocumentByName<TDataModel, TTableName> | null>;
  /** Starts a query on this table. */
  query(): QueryInitializer<NamedTableInfo<TDataModel, TTableName>>;
}

/**
 * Read access to the database (`ctx.db` in queries).
 *
 * @example
 * ```ts
 * const user = await ctx.db.get('users', args.userId);
 * const files = await ctx.db.system.query('_storage').collect();
 * ```
 */
export interface GenericDatabaseReader<
  TDataModel extends GenericDataModel,
> extends BaseDatabaseReader<TDataModel> {
  /** Read access to the system tables `_storage` and `_scheduled_functions`. */
  system: BaseDatabaseReader<SystemDataModel>;
}

interface BaseDatabaseReaderWithTable<TDataModel extends GenericDataModel> {
  /** Scopes reads to table `tableName`. */
  table<TTableName extends TableNamesInDataModel<TDataModel>>(
    tableName: TTableName,
  ): BaseTableReader<TDataModel, TTableName>;
}

/**
 * Table-scoped read access: `ctx.db.table("messages").get(id)`.
 *
 * @example
 * ```ts
 * const reader: GenericDatabaseReaderWithTable<DataModel> = ctx.db;
 * ```
 */
export interface GenericDatabaseReaderWithTable<
  TDataModel extends GenericDataModel,
> extends BaseDatabaseReaderWithTable<TDataModel> {
  /** Table-scoped read access to the system tables. */
  system: BaseDatabaseReaderWithTable<SystemDataModel>;
}

/**
 * Read and write access to the database (`ctx.db` in mutations). All writes of one mutation
 * commit together, or not at all.
 *
 * @example
 * ```ts
 * const id = await ctx.db.insert('messages', { body: 'hi' });
 * await ctx.db.patch('messages', id, { body: 'hello' });
 * ```
 */
export interface GenericDatabaseWriter<
  TDataModel extends GenericDataModel,
> extends GenericDatabaseReader<TDataModel> {
  /** Inserts a document and returns its new id. */
  insert<TTableName extends TableNamesInDataModel<TDataModel>>(
    table: TTableName,
    value: WithoutSystemFields<DocumentByName<TDataModel, TTableName>>,
  ): Promise<GenericId<TTableName>>;
  /** Shallow-merges `value` into the document `id` of `table` (`undefined` removes a field). */
  patch<TTableName extends TableNamesInDataModel<TDataModel>>(
    table: TTableName,
    id: GenericId<NonUnion<TTableName>>,
    value: PatchValue<DocumentByName<TDataModel, TTableName>>,
  ): Promise<void>;
  /** Shallow-merges `value` into the document `id` (`undefined` removes a field). */
  patch<TTableName extends TableNamesInDataModel<TDataModel>>(
    id: GenericId<TTableName>,
    value: PatchValue<DocumentByName<TDataModel, TTableName>>,
  ): Promise<void>;
  /** Replaces the document `id` of `table` with `value`. */
  replace<TTableName extends TableNamesInDataModel<TDataModel>>(
    table: TTableName,
    id: GenericId<NonUnion<TTableName>>,
    value: WithOptionalSystemFields<DocumentByName<TDataModel, TTableName>>,
  ): Promise<void>;
  /** Replaces the document `id` with `value`. */
  replace<TTableName extends TableNamesInDataModel<TDataModel>>(
    id: GenericId<TTableName>,
    value: WithOptionalSystemFields<DocumentByName<TDataModel, TTableName>>,
  ): Promise<void>;
  /** Deletes the document `id` of `table`. */
  delete<TTableName extends TableNamesInDataModel<TDataModel>>(
    table: TTableName,
    id: GenericId<NonUnion<TTableName>>,
  ): Promise<void>;
  /** Deletes the document `id`. */
  delete(id: GenericId<TableNamesInDataModel<TDataModel>>): Promise<void>;
  /** Values only known when the mutation commits. */
  vars: {
    /** Stands for the commit timestamp; store it in a field to record when the write committed. */
    commitTs: CommitTsPlaceholder;
  };
}

/**
 * Table-scoped write access: `ctx.db.table("messages").insert(value)`.
 *
 * @example
 * ```ts
 * const writer: GenericDatabaseWriterWithTable<DataModel> = ctx.db;
 * ```
 */
export interface GenericDatabaseWriterWithTable<
  TDataModel extends GenericDataModel,
> extends GenericDatabaseReaderWithTable<TDataModel> {
  /** Scopes reads and writes to table `tableName`. */
  table<TTableName extends TableNamesInDataModel<TDataModel>>(
    tableName: TTableName,
  ): BaseTableWriter<TDataModel, TTableName>;
}

/**
 * Reads and writes one table.
 *
 * @example
 * ```ts
 * await ctx.db.table('messages').delete(id);
 * ```
 */
export interface BaseTableWriter<
  TDataModel extends GenericDataModel,
  TTableName extends TableNamesInDataModel<TDataModel>,
> extends BaseTableReader<TDataModel, TTableName> {
  /** Inserts a document and returns its new id. */
  insert(
    value: WithoutSystemFields<DocumentByName<TDataModel, TTableName>>,
  ): Promise<GenericId<TTableName>>;
  /** Shallow-merges `value` into the document `id`. */
  patch(
    id: GenericId<TTableName>,
    value: PatchValue<DocumentByName<TDataModel, TTableName>>,
  ): Promise<void>;
  /** Replaces the document `id` with `value`. */
  replace(
    id: GenericId<TTableName>,
    value: WithOptionalSystemFields<DocumentByName<TDataModel, TTableName>>,
  ): Promise<void>;
  /** Deletes the document `id`. */
  delete(id: GenericId<TTableName>): Promise<void>;
}
