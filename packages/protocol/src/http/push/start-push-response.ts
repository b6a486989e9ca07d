import * as v from 'valibot';
import { jsonValueSchema } from '../../json-value.ts';
import { authInfoSchema } from './auth-info.ts';
import { checkedComponentSchema } from './checked-component.ts';
import { evaluatedComponentDefinitionSchema } from './component-definition.ts';
import { schemaChangeSchema } from './index-diff.ts';

/**
 * Schema for the answer of `POST /api/deploy2/start_push` (spec §2.3). Every key is required by
 * the CLI's schema; the CLI echoes the whole object back in `finish_push`. `analysis` MUST have
 * the root key `""`.
 *
 * @example
 * ```ts
 * const response: StartPushResponse = {
 *   environmentVariables: {},
 *   externalDepsId: null,
 *   componentDefinitionPackages: {},
 *   appAuth: [],
 *   analysis: { '': root },
 *   app,
 *   schemaChange: { allocatedComponentIds: {}, schemaIds: { '': null }, indexDiffs: {} },
 * };
 * ```
 */
export const startPushResponseSchema = v.object({
  environmentVariables: v.record(v.string(), v.string()),
  externalDepsId: v.nullable(v.string()),
  componentDefinitionPackages: v.record(v.string(), jsonValueSchema),
  appAuth: v.array(authInfoSchema),
  analysis: v.record(v.string(), evaluatedComponentDefinitionSchema),
  app: checkedComponentSchema,
  schemaChange: schemaChangeSchema,
});

/**
 * The answer of `start_push`.
 *
 * @example
 * ```ts
 * declare const response: StartPushResponse;
 * response.analysis['']?.functions;
 * ```
 */
export type StartPushResponse = v.InferOutput<typeof startPushResponseSchema>;

/**
 * Schema for the answer of `POST /api/deploy2/evaluate_push`: only the schema change (no side
 * effects; `convex deploy` uses it to warn about dropping indexes on large tables).
 *
 * @example
 * ```ts
 * const response: EvaluatePushResponse = { schemaChange: { allocatedComponentIds: {}, schemaIds: {}, indexDiffs: {} } };
 * ```
 */
export const evaluatePushResponseSchema = v.object({
  schemaChange: schemaChangeSchema,
});

/**
 * The answer of `evaluate_push`.
 *
 * @example
 * ```ts
 * declare const response: EvaluatePushResponse;
 * response.schemaChange.indexDiffs;
 * ```
 */
export type EvaluatePushResponse = v.InferOutput<typeof evaluatePushResponseSchema>;
