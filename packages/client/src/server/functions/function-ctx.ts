import type { GenericId } from '@selfhost/values';
import type {
  ArgsAndOptions,
  FunctionReference,
  FunctionReference_future,
  FunctionReturnType,
  OptionalRestArgs,
} from '../api/function-reference.ts';
import type { MutationAuth, Auth } from '../auth/authentication.ts';
import type {
  GenericDataModel,
  NamedTableInfo,
  TableNamesInDataModel,
  VectorIndexNames,
} from '../data-model/data-model.ts';
import type {
  GenericDatabaseReader,
  GenericDatabaseReaderWithTable,
  GenericDatabaseWriter,
  GenericDatabaseWriterWithTable,
} from '../database/database.ts';
import type { ActionMeta, MutationMeta, QueryMeta, TransactionLimits } from '../meta/meta.ts';
import type { Scheduler } from '../scheduler/scheduler.ts';
import type { StorageActionWriter, StorageReader, StorageWriter } from '../storage/storage.ts';
import type { Expand } from '../type-utils.ts';
import type { VectorSearchQuery } from '../vector-search/vector-search.ts';

type QueryReference =
  | FunctionReference<'query', 'public' | 'internal'>
  | FunctionReference_future<'query', 'public' | 'internal'>;
type MutationReference =
  | FunctionReference<'mutation', 'public' | 'internal'>
  | FunctionReference_future<'mutation', 'public' | 'internal'>;
type ActionReference =
  | FunctionReference<'action', 'public' | 'internal'>
  | FunctionReference_future<'action', 'public' | 'internal'>;

/**
 * Options of `ctx.runQuery` inside a mutation.
 *
 * @example
 * ```ts
 * await ctx.runQuery(internal.stats.totals, {}, { useStaleSnapshot: true });
 * ```
 */
export interface AdvancedRunQueryOptions {
  /** Lower transaction limits for the nested query. */
  transactionLimits?: TransactionLimits;
  /**
   * Read the snapshot the mutation started from, without adding the reads to the mutation's read
   * set (so they cannot cause conflicts). Mutations only.
   */
  useStaleSnapshot?: boolean;
}

/**
 * What a query handler receives as `ctx`. The generated `QueryCtx` is
 * `GenericQueryCtx<DataModel>`.
 *
 * @example
 * ```ts
 * async function listMessages(ctx: GenericQueryCtx<DataModel>) {
 *   return await ctx.db.query('messages').collect();
 * }
 * ```
 */
export interface GenericQueryCtx<TDataModel extends GenericDataModel> {
  /** Reads the database. */
  db: GenericDatabaseReader<TDataModel>;
  /** The caller's identity. */
  auth: Auth;
  /** Reads file storage. */
  storage: StorageReader;
  /** Runs another query in this query's transaction. */
  runQuery: <TQuery extends QueryReference>(
    query: TQuery,
    ...args: ArgsAndOptions<TQuery, { transactionLimits?: TransactionLimits }>
  ) => Promise<FunctionReturnType<TQuery>>;
  /** About this function and its deployment. */
  meta: QueryMeta;
}

/**
 * A {@link GenericQueryCtx} whose `db` also offers the table-scoped API.
 *
 * @example
 * ```ts
 * const message = await ctx.db.table('messages').get(id);
 * ```
 */
export type GenericQueryCtxWithTable<TDataModel extends GenericDataModel> = Omit<
  GenericQueryCtx<TDataModel>,
  'db'
> & {
  db: GenericDatabaseReaderWithTable<TDataModel>;
};

/**
 * What a mutation handler receives as `ctx`. The generated `MutationCtx` is
 * `GenericMutationCtx<DataModel>`.
 *
 * @example
 * ```ts
 * async function addMessage(ctx: GenericMutationCtx<DataModel>, body: string) {
 *   return await ctx.db.insert('messages', { body });
 * }
 * ```
 */
export interface GenericMutationCtx<TDataModel extends GenericDataModel> {
  /** Reads and writes the database, transactionally. */
  db: GenericDatabaseWriter<TDataModel>;
  /** The caller's identity; can also sign JWTs. */
  auth: MutationAuth;
  /** Reads and writes file storage. */
  storage: StorageWriter;
  /** Schedules functions to run after this mutation commits. */
  scheduler: Scheduler;
  /** Runs a query in this mutation's transaction. */
  runQuery: <TQuery extends QueryReference>(
    query: TQuery,
    ...args: ArgsAndOptions<TQuery, AdvancedRunQueryOptions>
  ) => Promise<FunctionReturnType<TQuery>>;
  /** Runs a mutation as a sub-transaction of this one (rolled back if it throws). */
  runMutation: <TMutation extends MutationReference>(
    mutation: TMutation,
    ...args: ArgsAndOptions<TMutation, { transactionLimits?: TransactionLimits }>
  ) => Promise<FunctionReturnType<TMutation>>;
  /** About this function, its request and its deployment. */
  meta: MutationMeta;
}

/**
 * A {@link GenericMutationCtx} whose `db` also offers the table-scoped API.
 *
 * @example
 * ```ts
 * await ctx.db.table('messages').insert({ body: 'hi' });
 * ```
 */
export type GenericMutationCtxWithTable<TDataModel extends GenericDataModel> = Omit<
  GenericMutationCtx<TDataModel>,
  'db'
> & {
  db: GenericDatabaseWriterWithTable<TDataModel>;
};

/**
 * What an action handler receives as `ctx` (and an HTTP action as its first argument). Actions
 * have no database: they call queries and mutations, each in its own transaction.
 *
 * @example
 * ```ts
 * async function sync(ctx: GenericActionCtx<DataModel>) {
 *   const items = await ctx.runQuery(internal.items.list, {});
 * }
 * ```
 */
export interface GenericActionCtx<TDataModel extends GenericDataModel> {
  /** Runs a query in its own transaction, at the latest timestamp. */
  runQuery<TQuery extends QueryReference>(
    query: TQuery,
    ...args: OptionalRestArgs<TQuery>
  ): Promise<FunctionReturnType<TQuery>>;
  /** Runs a mutation in its own transaction, committed before this resolves. */
  runMutation<TMutation extends MutationReference>(
    mutation: TMutation,
    ...args: OptionalRestArgs<TMutation>
  ): Promise<FunctionReturnType<TMutation>>;
  /** Runs another action. */
  runAction<TAction extends ActionReference>(
    action: TAction,
    ...args: OptionalRestArgs<TAction>
  ): Promise<FunctionReturnType<TAction>>;
  /** Schedules functions; the jobs are created immediately. */
  scheduler: Scheduler;
  /** The caller's identity. */
  auth: Auth;
  /** Reads and writes file storage. */
  storage: StorageActionWriter;
  /** Finds the documents nearest to a vector in a vector index. */
  vectorSearch<
    TTableName extends TableNamesInDataModel<TDataModel>,
    TIndexName extends VectorIndexNames<NamedTableInfo<TDataModel, TTableName>>,
  >(
    tableName: TTableName,
    indexName: TIndexName,
    query: Expand<VectorSearchQuery<NamedTableInfo<TDataModel, TTableName>, TIndexName>>,
  ): Promise<Array<{ _id: GenericId<TTableName>; _score: number }>>;
  /** About this function, its request and its deployment. */
  meta: ActionMeta;
}
