import type { GenericId } from '@selfhost/values';
import type { BetterOmit, Expand } from '../type-utils.ts';
import type { GenericDocument } from './data-model.ts';

/**
 * The system fields every document has besides `_id`.
 *
 * @example
 * ```ts
 * const fields: SystemFields = { _creationTime: 1700000000000 };
 * ```
 */
export type SystemFields = {
  _creationTime: number;
};

/**
 * The `_id` field of a document of table `TTableName`.
 *
 * @example
 * ```ts
 * type MessageId = IdField<'messages'>; // { _id: GenericId<'messages'> }
 * ```
 */
export type IdField<TTableName extends string> = {
  _id: GenericId<TTableName>;
};

/**
 * A document type without its system fields: what `db.insert` takes.
 *
 * @example
 * ```ts
 * type NewMessage = WithoutSystemFields<Doc<'messages'>>;
 * ```
 */
export type WithoutSystemFields<TDocument extends GenericDocument> = Expand<
  BetterOmit<TDocument, keyof SystemFields | '_id'>
>;

/**
 * A document type whose system fields are optional: what `db.replace` takes.
 *
 * @example
 * ```ts
 * type Replacement = WithOptionalSystemFields<Doc<'messages'>>;
 * ```
 */
export type WithOptionalSystemFields<TDocument extends GenericDocument> = Expand<
  WithoutSystemFields<TDocument> & Partial<Pick<TDocument, keyof SystemFields | '_id'>>
>;

/**
 * The indexes every table has.
 *
 * @example
 * ```ts
 * type Fields = SystemIndexes['by_creation_time']; // ['_creationTime']
 * ```
 */
export type SystemIndexes = {
  by_id: ['_id'];
  by_creation_time: ['_creationTime'];
};

/**
 * The field appended to every user index to order equal keys.
 *
 * @example
 * ```ts
 * type Last = IndexTiebreakerField; // '_creationTime'
 * ```
 */
export type IndexTiebreakerField = '_creationTime';
