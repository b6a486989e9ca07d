import * as v from 'valibot';
import { jsonValueSchema } from '../json-value.ts';
import { timestampWireSchema } from '../timestamp-wire.ts';
import { logLinesSchema, u32Schema } from './wire-primitives.ts';

/**
 * Schema for a successful `MutationResponse`: `ts` is the commit timestamp (u64b64 on the wire).
 * The client resolves the mutation only once a Transition reaches `ts`.
 *
 * @example
 * ```ts
 * const ok: MutationSuccessMessage = { type: 'MutationResponse', requestId: 0, success: true, result: null, ts: commitTs, logLines: [] };
 * ```
 */
export const mutationSuccessMessageSchema = v.object({
  type: v.literal('MutationResponse'),
  requestId: u32Schema,
  success: v.literal(true),
  result: jsonValueSchema,
  ts: timestampWireSchema,
  logLines: logLinesSchema,
});

/**
 * A successful `MutationResponse`.
 *
 * @example
 * ```ts
 * const ok: MutationSuccessMessage = { type: 'MutationResponse', requestId: 0, success: true, result: null, ts: commitTs, logLines: [] };
 * ```
 */
export type MutationSuccessMessage = v.InferOutput<typeof mutationSuccessMessageSchema>;

/**
 * Schema for a failed `MutationResponse`: `result` is the error message; `errorData` is present
 * when the function threw a `ConvexError`. (The reference also sends `"ts": null`.)
 *
 * @example
 * ```ts
 * const failed: MutationFailureMessage = { type: 'MutationResponse', requestId: 0, success: false, result: 'boom', logLines: [] };
 * ```
 */
export const mutationFailureMessageSchema = v.object({
  type: v.literal('MutationResponse'),
  requestId: u32Schema,
  success: v.literal(false),
  result: v.string(),
  logLines: logLinesSchema,
  errorData: v.optional(jsonValueSchema),
});

/**
 * A failed `MutationResponse`.
 *
 * @example
 * ```ts
 * const failed: MutationFailureMessage = { type: 'MutationResponse', requestId: 0, success: false, result: 'boom', logLines: [] };
 * ```
 */
export type MutationFailureMessage = v.InferOutput<typeof mutationFailureMessageSchema>;

/**
 * Schema for `MutationResponse`, told apart by `success`.
 *
 * @example
 * ```ts
 * v.parse(mutationResponseMessageSchema, json);
 * ```
 */
export const mutationResponseMessageSchema = v.variant('success', [
  mutationSuccessMessageSchema,
  mutationFailureMessageSchema,
]);

/**
 * A `MutationResponse` message.
 *
 * @example
 * ```ts
 * if (response.success) resolveAt(response.ts, response.result);
 * ```
 */
export type MutationResponseMessage = v.InferOutput<typeof mutationResponseMessageSchema>;
