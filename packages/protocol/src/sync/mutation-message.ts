import * as v from 'valibot';
import { argsArraySchema, u32Schema, udfPathSchema } from './wire-primitives.ts';

/**
 * Schema for `Mutation`: run `udfPath(args[0])` as a mutation. `requestId` is a per-session
 * counter shared with actions; `componentPath` (admin only) targets a child component.
 *
 * @example
 * ```ts
 * parseClientMessage('{"type":"Mutation","requestId":0,"udfPath":"messages:send","args":[{"body":"hi"}]}');
 * ```
 */
export const mutationMessageSchema = v.object({
  type: v.literal('Mutation'),
  requestId: u32Schema,
  udfPath: udfPathSchema,
  args: argsArraySchema,
  componentPath: v.optional(v.string()),
});

/**
 * A `Mutation` message.
 *
 * @example
 * ```ts
 * const message: MutationMessage = { type: 'Mutation', requestId: 0, udfPath: 'messages:send', args: [{ body: 'hi' }] };
 * ```
 */
export type MutationMessage = v.InferOutput<typeof mutationMessageSchema>;
