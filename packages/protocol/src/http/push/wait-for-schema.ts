import * as v from 'valibot';
import { schemaChangeSchema } from './index-diff.ts';

/**
 * Schema for the body of `POST /api/deploy2/wait_for_schema`: long-poll up to `timeoutMs` for
 * the schema change returned by `start_push`.
 *
 * @example
 * ```ts
 * parseHttpBody(waitForSchemaRequestSchema, { adminKey: '…', schemaChange, timeoutMs: 10000, dryRun: false }, 'POST /api/deploy2/wait_for_schema');
 * ```
 */
export const waitForSchemaRequestSchema = v.object({
  adminKey: v.optional(v.string()),
  schemaChange: schemaChangeSchema,
  timeoutMs: v.optional(v.number()),
  dryRun: v.optional(v.boolean(), false),
});

/**
 * A `wait_for_schema` request.
 *
 * @example
 * ```ts
 * declare const request: WaitForSchemaRequest;
 * const deadline = Date.now() + (request.timeoutMs ?? 10_000);
 * ```
 */
export type WaitForSchemaRequest = v.InferOutput<typeof waitForSchemaRequestSchema>;

/**
 * Schema for the answer of `wait_for_schema`, told apart by `type`: `inProgress` (the CLI asks
 * again), `failed` (the CLI exits; with a `tableName`, `convex dev` waits for that table to
 * change), `raceDetected` (another push overwrote the schema) or `complete`.
 *
 * @example
 * ```ts
 * const status: SchemaStatus = { type: 'inProgress', components: { '': { schemaValidationComplete: false, indexesComplete: 1, indexesTotal: 3 } } };
 * ```
 */
export const schemaStatusSchema = v.variant('type', [
  v.object({
    type: v.literal('inProgress'),
    components: v.record(
      v.string(),
      v.object({
        schemaValidationComplete: v.boolean(),
        indexesComplete: v.number(),
        indexesTotal: v.number(),
      }),
    ),
  }),
  v.object({
    type: v.literal('failed'),
    error: v.string(),
    componentPath: v.string(),
    tableName: v.nullable(v.string()),
  }),
  v.object({ type: v.literal('raceDetected') }),
  v.object({ type: v.literal('complete') }),
]);

/**
 * The answer of `wait_for_schema`.
 *
 * @example
 * ```ts
 * const done: SchemaStatus = { type: 'complete' };
 * ```
 */
export type SchemaStatus = v.InferOutput<typeof schemaStatusSchema>;
