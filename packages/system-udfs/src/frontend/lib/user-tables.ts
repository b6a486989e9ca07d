import type { GenericDatabaseReader, GenericDatabaseWriter, GenericDocument } from '@selfhost/client/server';
import type { GenericId } from '@selfhost/client/values';

/** Any user table, typed just enough for code that works on every table. */
type AnyUserTable = {
  document: GenericDocument & { _id: GenericId<string>; _creationTime: number };
  fieldPaths: string;
  indexes: Record<string, string[]>;
  searchIndexes: Record<string, never>;
  vectorIndexes: Record<string, never>;
};

/** The data model of a deployment whose tables this code does not know in advance. */
export type UserDataModel = Record<string, AnyUserTable>;

/**
 * `ctx.db` of a system query, typed for any user table (the untyped builders give `any`).
 *
 * @example
 * const page = await userTables(ctx.db).query(table).paginate(opts);
 */
export function userTables(db: unknown): GenericDatabaseReader<UserDataModel> {
  return db as GenericDatabaseReader<UserDataModel>;
}

/**
 * `ctx.db` of a system mutation, typed for any user table.
 *
 * @example
 * await writableUserTables(ctx.db).delete(id);
 */
export function writableUserTables(db: unknown): GenericDatabaseWriter<UserDataModel> {
  return db as GenericDatabaseWriter<UserDataModel>;
}
