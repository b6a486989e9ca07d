// Mirrors convex/server's DocValidator, which matches validators of any type parameters.
/* eslint-disable @typescript-eslint/no-explicit-any */
import {
  v,
  type GenericId,
  type GenericValidator,
  type Validator,
  type VFloat64,
  type VId,
  type VObject,
  type VUnion,
} from '@selfhost/values';
import type { IdField, SystemFields } from '../data-model/system-fields.ts';
import type { Expand } from '../type-utils.ts';
import type { TableDefinition } from './table-definition.ts';

/**
 * The validators of the system fields of table `TTableName`.
 *
 * @example
 * ```ts
 * type Fields = SystemFieldValidators<'users'>; // { _id: VId<Id<'users'>>; _creationTime: VFloat64 }
 * ```
 */
export type SystemFieldValidators<TTableName extends string> = {
  _id: VId<GenericId<TTableName>>;
  _creationTime: VFloat64<number>;
};

type WithSystemFieldValidators<
  TTableName extends string,
  TDocumentType extends Validator<any, any, any>,
> =
  TDocumentType extends VObject<infer TType, infer TFields, any, any>
    ? VObject<
        Expand<IdField<TTableName> & SystemFields & TType>,
        Expand<SystemFieldValidators<TTableName> & TFields>
      >
    : TDocumentType;

/**
 * The validator of a stored document of table `TTableName`: the table's validator with `_id` and
 * `_creationTime` added (to each member, for a union).
 *
 * @example
 * ```ts
 * type UserDoc = DocValidator<'users', typeof schema.tables.users.validator>;
 * ```
 */
export type DocValidator<
  TTableName extends string,
  TDocumentType extends Validator<any, any, any>,
> =
  TDocumentType extends VUnion<any, infer TMembers, any, any>
    ? {
        [TIndex in keyof TMembers]: WithSystemFieldValidators<TTableName, TMembers[TIndex]>;
      } extends infer TNewMembers extends Validator<any, 'required', any>[]
      ? VUnion<WithSystemFieldValidators<TTableName, TMembers[number]>['type'], TNewMembers>
      : never
    : WithSystemFieldValidators<TTableName, TDocumentType>;

function withSystemFields(tableName: string, validator: GenericValidator): GenericValidator {
  if (validator.kind === 'object')
    return validator.extend({ _id: v.id(tableName), _creationTime: v.number() });
  if (validator.kind === 'union')
    return v.union(...validator.members.map((member) => withSystemFields(tableName, member)));
  // `v.any()` already admits the system fields.
  if (validator.kind === 'any') return validator;
  throw new Error(
    `Invalid validator for table "${tableName}": a table's documents must be objects or a union of objects ` +
      '(see https://docs.convex.dev/database/schemas).',
  );
}

/**
 * The validator of the stored documents of a table: its validator plus the system fields. Handy
 * for `returns` validators.
 *
 * @example
 * ```ts
 * export const get = query({ args: { id: v.id('users') }, returns: v.union(docValidator('users', users), v.null()), handler: … });
 * ```
 */
export function docValidator<
  TTableName extends string,
  TTable extends TableDefinition<any, any, any, any>,
>(tableName: TTableName, table: TTable): DocValidator<TTableName, TTable['validator']> {
  return withSystemFields(tableName, table.validator as GenericValidator) as DocValidator<
    TTableName,
    TTable['validator']
  >;
}
