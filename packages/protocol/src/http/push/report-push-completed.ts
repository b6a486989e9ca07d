import * as v from 'valibot';
import { jsonValueLooseInputSchema } from '../../json-value.ts';

/**
 * Schema for the body of `POST /api/deploy2/report_push_completed` (fire-and-forget tracing
 * spans; any JSON answer will do).
 *
 * @example
 * ```ts
 * parseHttpBody(reportPushCompletedRequestSchema, { adminKey: '…', spans: [] }, 'POST /api/deploy2/report_push_completed');
 * ```
 */
export const reportPushCompletedRequestSchema = v.object({
  adminKey: v.optional(v.string()),
  spans: v.optional(v.array(jsonValueLooseInputSchema), () => []),
});

/**
 * A `report_push_completed` request.
 *
 * @example
 * ```ts
 * declare const request: ReportPushCompletedRequest;
 * request.spans.length;
 * ```
 */
export type ReportPushCompletedRequest = v.InferOutput<typeof reportPushCompletedRequestSchema>;
