import * as v from 'valibot';

/**
 * Schema for the body of `POST /api/update_environment_variables` (also `/api/v1/…`): each
 * change sets `name` to `value`, or deletes it when `value` is missing or `null` (the output
 * always has `value`, `null` meaning delete).
 *
 * @example
 * ```ts
 * parseHttpBody(updateEnvironmentVariablesRequestSchema, { changes: [{ name: 'X', value: 'v' }, { name: 'Y' }] }, 'POST /api/update_environment_variables');
 * // { changes: [{ name: 'X', value: 'v' }, { name: 'Y', value: null }] }
 * ```
 */
export const updateEnvironmentVariablesRequestSchema = v.object({
  changes: v.array(
    v.object({
      name: v.string(),
      value: v.optional(v.nullable(v.string()), null),
    }),
  ),
});

/**
 * An environment-variable update.
 *
 * @example
 * ```ts
 * const update: UpdateEnvironmentVariablesRequest = { changes: [{ name: 'OPENAI_KEY', value: 'sk-…' }] };
 * ```
 */
export type UpdateEnvironmentVariablesRequest = v.InferOutput<
  typeof updateEnvironmentVariablesRequestSchema
>;

/**
 * Schema for the answer of `GET /api/v1/list_environment_variables`.
 *
 * @example
 * ```ts
 * const body: ListEnvironmentVariablesResponse = { environmentVariables: { X: 'v' } };
 * ```
 */
export const listEnvironmentVariablesResponseSchema = v.object({
  environmentVariables: v.record(v.string(), v.string()),
});

/**
 * The deployment's environment variables.
 *
 * @example
 * ```ts
 * const body: ListEnvironmentVariablesResponse = { environmentVariables: {} };
 * ```
 */
export type ListEnvironmentVariablesResponse = v.InferOutput<
  typeof listEnvironmentVariablesResponseSchema
>;
