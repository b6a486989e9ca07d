import * as v from 'valibot';
import { indexDiffSchema } from './index-diff.ts';
import { startPushResponseSchema } from './start-push-response.ts';

/**
 * Schema for the body of `POST /api/deploy2/finish_push` (brotli JSON): the whole
 * `start_push` answer as received, `dryRun`, and an optional push message.
 *
 * @example
 * ```ts
 * const request = parseHttpJsonText(finishPushRequestSchema, text, 'POST /api/deploy2/finish_push');
 * ```
 */
export const finishPushRequestSchema = v.object({
  adminKey: v.optional(v.string()),
  startPush: startPushResponseSchema,
  dryRun: v.boolean(),
  message: v.optional(v.nullable(v.string()), null),
});

/**
 * A `finish_push` request.
 *
 * @example
 * ```ts
 * declare const request: FinishPushRequest;
 * if (request.dryRun) return emptyDiff;
 * ```
 */
export type FinishPushRequest = v.InferOutput<typeof finishPushRequestSchema>;

/**
 * Schema for one component's changes in a `FinishPushDiff`.
 *
 * @example
 * ```ts
 * const diff: ComponentDiff = {
 *   diffType: { type: 'create' },
 *   moduleDiff: { added: ['messages.js'], removed: [] },
 *   udfConfigDiff: null,
 *   cronDiff: { added: [], updated: [], deleted: [] },
 *   indexDiff: { added_indexes: [], removed_indexes: [] },
 *   schemaDiff: null,
 * };
 * ```
 */
export const componentDiffSchema = v.object({
  diffType: v.object({ type: v.picklist(['create', 'modify', 'unmount', 'remount']) }),
  moduleDiff: v.object({ added: v.array(v.string()), removed: v.array(v.string()) }),
  udfConfigDiff: v.nullable(v.object({ previous_version: v.string(), next_version: v.string() })),
  cronDiff: v.object({
    added: v.array(v.string()),
    updated: v.array(v.string()),
    deleted: v.array(v.string()),
  }),
  indexDiff: indexDiffSchema,
  schemaDiff: v.nullable(
    v.object({ previous_schema: v.nullable(v.string()), next_schema: v.nullable(v.string()) }),
  ),
});

/**
 * One component's changes in a push.
 *
 * @example
 * ```ts
 * declare const diff: ComponentDiff;
 * diff.moduleDiff.added;
 * ```
 */
export type ComponentDiff = v.InferOutput<typeof componentDiffSchema>;

/**
 * Schema for the answer of `finish_push` (keys inside `udfConfigDiff`/`schemaDiff` are
 * snake_case, as the CLI expects).
 *
 * @example
 * ```ts
 * const diff: FinishPushDiff = { authDiff: { added: [], removed: [] }, definitionDiffs: { '': {} }, componentDiffs: { '': rootDiff } };
 * ```
 */
export const finishPushDiffSchema = v.object({
  authDiff: v.object({ added: v.array(v.string()), removed: v.array(v.string()) }),
  definitionDiffs: v.record(v.string(), v.object({})),
  componentDiffs: v.record(v.string(), componentDiffSchema),
});

/**
 * The answer of `finish_push`.
 *
 * @example
 * ```ts
 * declare const diff: FinishPushDiff;
 * Object.keys(diff.componentDiffs);
 * ```
 */
export type FinishPushDiff = v.InferOutput<typeof finishPushDiffSchema>;
