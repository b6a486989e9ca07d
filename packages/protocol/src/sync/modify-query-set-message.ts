import * as v from 'valibot';
import { argsArraySchema, u32Schema, udfPathSchema } from './wire-primitives.ts';

/**
 * Schema for an `Add` query-set modification: subscribe `queryId` to `udfPath(args[0])`.
 * `journal` is the one the server last sent for this query (only after a reconnect).
 *
 * @example
 * ```ts
 * const add: AddQuery = { type: 'Add', queryId: 0, udfPath: 'messages:list', args: [{}] };
 * ```
 */
export const addQuerySchema = v.object({
  type: v.literal('Add'),
  queryId: u32Schema,
  udfPath: udfPathSchema,
  args: argsArraySchema,
  journal: v.optional(v.nullable(v.string())),
  componentPath: v.optional(v.string()),
});

/**
 * An `Add` modification.
 *
 * @example
 * ```ts
 * const add: AddQuery = { type: 'Add', queryId: 3, udfPath: 'messages:list', args: [{ channel: 'a' }], journal: null };
 * ```
 */
export type AddQuery = v.InferOutput<typeof addQuerySchema>;

/**
 * Schema for a `Remove` query-set modification.
 *
 * @example
 * ```ts
 * const remove: RemoveQuery = { type: 'Remove', queryId: 3 };
 * ```
 */
export const removeQuerySchema = v.object({
  type: v.literal('Remove'),
  queryId: u32Schema,
});

/**
 * A `Remove` modification.
 *
 * @example
 * ```ts
 * const remove: RemoveQuery = { type: 'Remove', queryId: 3 };
 * ```
 */
export type RemoveQuery = v.InferOutput<typeof removeQuerySchema>;

/**
 * Schema for `ModifyQuerySet`: moves the client's query set from `baseVersion` to `newVersion`.
 *
 * @example
 * ```ts
 * parseClientMessage('{"type":"ModifyQuerySet","baseVersion":0,"newVersion":1,"modifications":[{"type":"Remove","queryId":0}]}');
 * ```
 */
export const modifyQuerySetMessageSchema = v.object({
  type: v.literal('ModifyQuerySet'),
  baseVersion: u32Schema,
  newVersion: u32Schema,
  modifications: v.array(v.variant('type', [addQuerySchema, removeQuerySchema])),
});

/**
 * A `ModifyQuerySet` message.
 *
 * @example
 * ```ts
 * const message: ModifyQuerySetMessage = {
 *   type: 'ModifyQuerySet',
 *   baseVersion: 0,
 *   newVersion: 1,
 *   modifications: [{ type: 'Add', queryId: 0, udfPath: 'messages:list', args: [{}] }],
 * };
 * ```
 */
export type ModifyQuerySetMessage = v.InferOutput<typeof modifyQuerySetMessageSchema>;
