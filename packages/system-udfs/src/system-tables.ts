import type { GenericDatabaseReader, GenericDatabaseWriter } from '@selfhost/client/server';
import type { GenericId } from '@selfhost/client/values';

type SystemFields<TTable extends string> = {
  _id: GenericId<TTable>;
  _creationTime: number;
};

/** One private system table, in the shape `GenericTableInfo` expects. */
type PrivateTable<TTable extends string, TDocument, TIndexes extends Record<string, string[]>> = {
  document: TDocument & SystemFields<TTable>;
  fieldPaths: string;
  indexes: TIndexes & { by_id: ['_id']; by_creation_time: ['_creationTime'] };
  searchIndexes: Record<never, never>;
  vectorIndexes: Record<never, never>;
};

/** A function of the push-time analysis, as `_modules` stores it. */
export type AnalyzedFunction = {
  name: string;
  udfType: 'Query' | 'Mutation' | 'Action';
  visibility: { kind: 'public' } | { kind: 'internal' } | null;
  args: string;
  returns: string;
};

/**
 * The private system tables these functions read (see the package README). User code cannot
 * read them; system functions reach them through `ctx.db.system`, whose static type only knows
 * the public system tables — hence {@link privateTables}.
 */
// A type alias, not an interface: `GenericDataModel` needs an implicit index signature.
export type PrivateSystemDataModel = {
  _tables: PrivateTable<'_tables', { name: string; number: number }, { by_name: ['name', '_creationTime'] }>;
  _index: PrivateTable<
    '_index',
    { table: number; name: string; fields: string[]; state: string; staged: boolean; kind: string },
    { by_table: ['table', '_creationTime'] }
  >;
  _schemas: PrivateTable<'_schemas', { state: string; schema: string }, { by_state: ['state', '_creationTime'] }>;
  _modules: PrivateTable<
    '_modules',
    {
      path: string;
      environment: 'isolate' | 'node';
      sha256: string;
      functions: AnalyzedFunction[];
      httpRoutes: { method: string; path: string }[] | null;
    },
    { by_path: ['path', '_creationTime'] }
  >;
  _environment_variables: PrivateTable<'_environment_variables', { name: string; value: string }, { by_name: ['name', '_creationTime'] }>;
};

/**
 * `ctx.db.system` typed with the private system tables. Only for `_system/*` functions: the
 * runner lets them (and only them) read these tables.
 *
 * @example
 * const rows = await privateTables(ctx.db).query('_environment_variables').collect();
 */
export function privateTables(db: { system: unknown }): GenericDatabaseReader<PrivateSystemDataModel> {
  return db.system as GenericDatabaseReader<PrivateSystemDataModel>;
}

/** The writer form, for the few system mutations that change private tables. */
export type PrivateSystemWriter = GenericDatabaseWriter<PrivateSystemDataModel>;
