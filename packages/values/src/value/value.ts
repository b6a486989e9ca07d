import type { CommitTsPlaceholder } from './commit-ts-placeholder.ts';

/**
 * A JavaScript value that `JSON.stringify` can write and `JSON.parse` can return.
 *
 * @example
 * ```ts
 * const json: JSONValue = { a: [1, 'two', null, true] };
 * ```
 */
export type JSONValue =
  null | boolean | number | string | JSONValue[] | { [key: string]: JSONValue };

/**
 * The id of a document of table `TTableName`. At run time it is a plain string; the phantom
 * `__tableName` property only keeps ids of different tables apart at compile time. (The shape is
 * exactly the one of `convex/values`, so generated `Id<"users">` types interoperate.)
 *
 * @example
 * ```ts
 * function load(id: GenericId<'users'>) {}
 * ```
 */
export type GenericId<TTableName extends string> = string & { __tableName: TTableName };

/**
 * A Convex value: what documents, function arguments and return values are made of.
 *
 * | Convex type | JavaScript |
 * | --- | --- |
 * | Null | `null` |
 * | Int64 | `bigint` (−2^63 … 2^63−1) |
 * | Float64 | `number` |
 * | Boolean | `boolean` |
 * | String | `string` |
 * | Bytes | `ArrayBuffer` |
 * | Array | `Value[]` |
 * | Object | plain object; fields holding `undefined` count as missing |
 *
 * plus the {@link CommitTsPlaceholder} inside mutations.
 *
 * @example
 * ```ts
 * const doc: Value = { name: 'Ada', visits: 3n, tags: ['x'], avatar: new ArrayBuffer(8) };
 * ```
 */
export type Value =
  | null
  | bigint
  | number
  | boolean
  | string
  | ArrayBuffer
  | CommitTsPlaceholder
  | Value[]
  | { [key: string]: undefined | Value };

/**
 * The Convex values that are numbers: Int64 (`bigint`) and Float64 (`number`).
 *
 * @example
 * ```ts
 * const n: NumericValue = 1n;
 * ```
 */
export type NumericValue = bigint | number;
