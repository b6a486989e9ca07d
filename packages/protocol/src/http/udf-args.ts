import * as v from 'valibot';
import { isJsonObject, type JSONObject } from '../json-value.ts';

/**
 * Schema for HTTP `args`: a JSON object, or the legacy positional form, an array holding exactly
 * one object. The output is always the object.
 *
 * @example
 * ```ts
 * v.parse(udfArgsSchema, [{ body: 'hi' }]); // { body: 'hi' }
 * v.parse(udfArgsSchema, { body: 'hi' }); // { body: 'hi' }
 * ```
 */
export const udfArgsSchema = v.pipe(
  v.custom<JSONObject | [JSONObject]>(
    (value) =>
      isJsonObject(value) || (Array.isArray(value) && value.length === 1 && isJsonObject(value[0])),
    'expected an object or an array holding exactly one object',
  ),
  v.transform((args): JSONObject => (Array.isArray(args) ? args[0] : args)),
);
