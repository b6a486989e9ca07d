import * as v from 'valibot';
import { jsonValueSchema } from '../json-value.ts';
import { logLinesSchema, u32Schema } from './wire-primitives.ts';

/**
 * Schema for a successful `ActionResponse`.
 *
 * @example
 * ```ts
 * const ok: ActionSuccessMessage = { type: 'ActionResponse', requestId: 1, success: true, result: 'done', logLines: [] };
 * ```
 */
export const actionSuccessMessageSchema = v.object({
  type: v.literal('ActionResponse'),
  requestId: u32Schema,
  success: v.literal(true),
  result: jsonValueSchema,
  logLines: logLinesSchema,
});

/**
 * A successful `ActionResponse`.
 *
 * @example
 * ```ts
 * const ok: ActionSuccessMessage = { type: 'ActionResponse', requestId: 1, success: true, result: 'done', logLines: [] };
 * ```
 */
export type ActionSuccessMessage = v.InferOutput<typeof actionSuccessMessageSchema>;

/**
 * Schema for a failed `ActionResponse`: `result` is the error message.
 *
 * @example
 * ```ts
 * const failed: ActionFailureMessage = { type: 'ActionResponse', requestId: 1, success: false, result: 'boom', logLines: [] };
 * ```
 */
export const actionFailureMessageSchema = v.object({
  type: v.literal('ActionResponse'),
  requestId: u32Schema,
  success: v.literal(false),
  result: v.string(),
  logLines: logLinesSchema,
  errorData: v.optional(jsonValueSchema),
});

/**
 * A failed `ActionResponse`.
 *
 * @example
 * ```ts
 * const failed: ActionFailureMessage = { type: 'ActionResponse', requestId: 1, success: false, result: 'boom', logLines: [] };
 * ```
 */
export type ActionFailureMessage = v.InferOutput<typeof actionFailureMessageSchema>;

/**
 * Schema for `ActionResponse`, told apart by `success`.
 *
 * @example
 * ```ts
 * v.parse(actionResponseMessageSchema, json);
 * ```
 */
export const actionResponseMessageSchema = v.variant('success', [
  actionSuccessMessageSchema,
  actionFailureMessageSchema,
]);

/**
 * An `ActionResponse` message.
 *
 * @example
 * ```ts
 * if (!response.success) reject(new Error(response.result));
 * ```
 */
export type ActionResponseMessage = v.InferOutput<typeof actionResponseMessageSchema>;
