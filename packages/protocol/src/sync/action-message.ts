import * as v from 'valibot';
import { argsArraySchema, u32Schema, udfPathSchema } from './wire-primitives.ts';

/**
 * Schema for `Action`: run `udfPath(args[0])` as an action (concurrently, at most once).
 *
 * @example
 * ```ts
 * parseClientMessage('{"type":"Action","requestId":1,"udfPath":"ai:summarize","args":[{}]}');
 * ```
 */
export const actionMessageSchema = v.object({
  type: v.literal('Action'),
  requestId: u32Schema,
  udfPath: udfPathSchema,
  args: argsArraySchema,
  componentPath: v.optional(v.string()),
});

/**
 * An `Action` message.
 *
 * @example
 * ```ts
 * const message: ActionMessage = { type: 'Action', requestId: 1, udfPath: 'ai:summarize', args: [{}] };
 * ```
 */
export type ActionMessage = v.InferOutput<typeof actionMessageSchema>;
