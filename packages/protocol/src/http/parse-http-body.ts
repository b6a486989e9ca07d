import type * as v from 'valibot';
import { parseWithSchema } from '../parse-with-schema.ts';
import { ProtocolError } from '../protocol-error.ts';

/**
 * Validates a parsed JSON request (or response) body against `schema`. On failure throws a
 * `ProtocolError` with code `BadJsonBody` (HTTP 400) whose message names the route and the field,
 * e.g. `POST /api/query body.args: expected an object or an array holding exactly one object,
 * received 5`. Unknown fields are accepted and dropped.
 *
 * @example
 * ```ts
 * const request = parseHttpBody(udfPostRequestSchema, await req.json(), 'POST /api/query');
 * ```
 */
export function parseHttpBody<TSchema extends v.GenericSchema>(
  schema: TSchema,
  json: unknown,
  what: string,
): v.InferOutput<TSchema> {
  return parseWithSchema(schema, json, { code: 'BadJsonBody', label: `${what} body` });
}

/**
 * Like {@link parseHttpBody}, from the body's text: JSON syntax errors are `BadJsonBody` too.
 *
 * @example
 * ```ts
 * const request = parseHttpJsonText(finishPushRequestSchema, await decompress(req), 'POST /api/deploy2/finish_push');
 * ```
 */
export function parseHttpJsonText<TSchema extends v.GenericSchema>(
  schema: TSchema,
  text: string,
  what: string,
): v.InferOutput<TSchema> {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (cause) {
    throw new ProtocolError(
      'BadJsonBody',
      `${what} body: invalid JSON: ${(cause as Error).message}`,
      { cause },
    );
  }
  return parseHttpBody(schema, json, what);
}
