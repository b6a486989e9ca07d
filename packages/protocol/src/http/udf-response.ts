import * as v from 'valibot';
import { jsonValueSchema } from '../json-value.ts';

/**
 * Schema for a successful `UdfResponse` (HTTP 200). `logLines` is omitted when empty.
 *
 * @example
 * ```ts
 * const ok: UdfSuccessResponse = { status: 'success', value: [], logLines: ["[LOG] 'hi'"] };
 * ```
 */
export const udfSuccessResponseSchema = v.object({
  status: v.literal('success'),
  value: jsonValueSchema,
  logLines: v.optional(v.array(v.string())),
});

/**
 * A successful function call over HTTP.
 *
 * @example
 * ```ts
 * const ok: UdfSuccessResponse = { status: 'success', value: null };
 * ```
 */
export type UdfSuccessResponse = v.InferOutput<typeof udfSuccessResponseSchema>;

/**
 * Schema for a failed `UdfResponse`: still HTTP 200 (function-level failures are not HTTP
 * errors). `errorData` is present only when the function threw a `ConvexError`.
 *
 * @example
 * ```ts
 * const failed: UdfErrorResponse = { status: 'error', errorMessage: '[Request ID: 1] Server Error\nUncaught Error: boom' };
 * ```
 */
export const udfErrorResponseSchema = v.object({
  status: v.literal('error'),
  errorMessage: v.string(),
  errorData: v.optional(jsonValueSchema),
  logLines: v.optional(v.array(v.string())),
});

/**
 * A failed function call over HTTP.
 *
 * @example
 * ```ts
 * const failed: UdfErrorResponse = { status: 'error', errorMessage: 'boom', errorData: { code: 'NOPE' } };
 * ```
 */
export type UdfErrorResponse = v.InferOutput<typeof udfErrorResponseSchema>;

/**
 * Schema for `UdfResponse`, the answer of every HTTP function route, told apart by `status`.
 *
 * @example
 * ```ts
 * const response = parseHttpBody(udfResponseSchema, await res.json(), 'POST /api/query response');
 * ```
 */
export const udfResponseSchema = v.variant('status', [
  udfSuccessResponseSchema,
  udfErrorResponseSchema,
]);

/**
 * The answer of an HTTP function call.
 *
 * @example
 * ```ts
 * if (response.status === 'error') throw new Error(response.errorMessage);
 * ```
 */
export type UdfResponse = v.InferOutput<typeof udfResponseSchema>;

/**
 * Schema for the answer of `POST /api/query_batch`.
 *
 * @example
 * ```ts
 * const batch: QueryBatchResponse = { results: [{ status: 'success', value: 1 }] };
 * ```
 */
export const queryBatchResponseSchema = v.object({
  results: v.array(udfResponseSchema),
});

/**
 * The answer of a query batch.
 *
 * @example
 * ```ts
 * const batch: QueryBatchResponse = { results: [] };
 * ```
 */
export type QueryBatchResponse = v.InferOutput<typeof queryBatchResponseSchema>;

/**
 * Schema for the answer of `POST /api/query_ts`: the latest committed timestamp, as u64b64 text
 * (make it with `encodeTimestamp`; read it with `decodeTimestamp`, or pass it on unchanged as
 * `query_at_ts`'s `ts`, as the official client does).
 *
 * @example
 * ```ts
 * const body: QueryTsResponse = { ts: encodeTimestamp(latest) };
 * ```
 */
export const queryTsResponseSchema = v.object({
  ts: v.string(),
});

/**
 * The answer of `query_ts`.
 *
 * @example
 * ```ts
 * const body: QueryTsResponse = { ts: 'AAAAAAAAAAA=' };
 * ```
 */
export type QueryTsResponse = v.InferOutput<typeof queryTsResponseSchema>;
