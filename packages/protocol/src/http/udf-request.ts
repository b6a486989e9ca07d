import * as v from 'valibot';
import { timestampWireSchema } from '../timestamp-wire.ts';
import { udfArgsSchema } from './udf-args.ts';

/**
 * Schema for the body of `POST /api/query`, `/api/mutation` and `/api/action` (spec §2.1).
 * `args` comes out as the arguments object; `format` is checked later with `resolveValueFormat`
 * so that a bad name is answered with `BadFormat`.
 *
 * @example
 * ```ts
 * parseHttpBody(udfPostRequestSchema, { path: 'messages:list', args: [{}], format: 'convex_encoded_json' }, 'POST /api/query');
 * // { path: 'messages:list', args: {}, format: 'convex_encoded_json' }
 * ```
 */
export const udfPostRequestSchema = v.object({
  path: v.string(),
  args: udfArgsSchema,
  format: v.optional(v.string()),
});

/**
 * A function call over HTTP.
 *
 * @example
 * ```ts
 * const request: UdfPostRequest = { path: 'messages:list', args: {} };
 * ```
 */
export type UdfPostRequest = v.InferOutput<typeof udfPostRequestSchema>;

/**
 * Schema for the body of `POST /api/query_at_ts`: a query plus the u64b64 `ts` to read at
 * (decoded to a `Timestamp`).
 *
 * @example
 * ```ts
 * parseHttpBody(queryAtTsRequestSchema, { path: 'messages:list', args: [{}], ts: 'AAAAAAAAAAA=' }, 'POST /api/query_at_ts');
 * ```
 */
export const queryAtTsRequestSchema = v.object({
  path: v.string(),
  args: udfArgsSchema,
  ts: timestampWireSchema,
  format: v.optional(v.string()),
});

/**
 * A query at a given timestamp.
 *
 * @example
 * ```ts
 * const request: QueryAtTsRequest = { path: 'messages:list', args: {}, ts: MIN_TIMESTAMP };
 * ```
 */
export type QueryAtTsRequest = v.InferOutput<typeof queryAtTsRequestSchema>;

/**
 * Schema for the body of `POST /api/query_batch`: queries run at one timestamp.
 *
 * @example
 * ```ts
 * parseHttpBody(queryBatchRequestSchema, { queries: [{ path: 'a:b', args: {} }] }, 'POST /api/query_batch');
 * ```
 */
export const queryBatchRequestSchema = v.object({
  queries: v.array(udfPostRequestSchema),
});

/**
 * A batch of queries.
 *
 * @example
 * ```ts
 * const batch: QueryBatchRequest = { queries: [{ path: 'a:b', args: {} }] };
 * ```
 */
export type QueryBatchRequest = v.InferOutput<typeof queryBatchRequestSchema>;

/**
 * Schema for the body of `POST /api/function` (admin only; used by `npx convex run`): any
 * function type, bare args, and an optional `componentPath` (`""`/absent = the root app).
 *
 * @example
 * ```ts
 * parseHttpBody(functionRequestSchema, { path: 'jobs:run', args: {}, componentPath: 'waitlist' }, 'POST /api/function');
 * ```
 */
export const functionRequestSchema = v.object({
  path: v.string(),
  args: udfArgsSchema,
  format: v.optional(v.string()),
  componentPath: v.optional(v.nullable(v.string())),
});

/**
 * A `/api/function` call.
 *
 * @example
 * ```ts
 * const request: FunctionRequest = { path: 'jobs:run', args: {} };
 * ```
 */
export type FunctionRequest = v.InferOutput<typeof functionRequestSchema>;

/**
 * Schema for the body of `POST /api/run/{…}/{fn}`: the path is in the URL (see
 * `udfPathFromRunPath`); `format` defaults to clean `json` on this route.
 *
 * @example
 * ```ts
 * parseHttpBody(runRequestSchema, { args: { n: 1 } }, 'POST /api/run/math/double');
 * ```
 */
export const runRequestSchema = v.object({
  args: udfArgsSchema,
  format: v.optional(v.string()),
});

/**
 * A `/api/run` call body.
 *
 * @example
 * ```ts
 * const request: RunRequest = { args: { n: 1 } };
 * ```
 */
export type RunRequest = v.InferOutput<typeof runRequestSchema>;
