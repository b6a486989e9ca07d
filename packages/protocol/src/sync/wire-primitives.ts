// Field schemas shared by several sync messages.
import * as v from 'valibot';
import { isJsonObject, type JSONObject } from '../json-value.ts';
import { isProtocolError } from '../protocol-error.ts';
import { parseUdfPath } from '../udf-path.ts';

/**
 * Schema for the u32 counters of the sync protocol (query ids, versions, request ids).
 *
 * @example
 * ```ts
 * v.parse(u32Schema, 7); // 7
 * ```
 */
export const u32Schema = v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(0xffff_ffff));

/**
 * Schema for function log lines as sent to clients: `"[LOG] 'hi'"` strings.
 *
 * @example
 * ```ts
 * v.parse(logLinesSchema, ["[LOG] 'hi'"]);
 * ```
 */
export const logLinesSchema = v.array(v.string());

/**
 * Schema for a query journal: an opaque string or `null`; missing means `null`.
 *
 * @example
 * ```ts
 * v.parse(queryJournalSchema, undefined); // null
 * ```
 */
export const queryJournalSchema = v.optional(v.nullable(v.string()), null);

/**
 * Schema for a `udfPath` field: a string that is a valid function path (see `parseUdfPath`),
 * kept as sent.
 *
 * @example
 * ```ts
 * v.parse(udfPathSchema, 'messages:list'); // 'messages:list'
 * ```
 */
export const udfPathSchema = v.pipe(
  v.string(),
  v.rawTransform<string, string>(({ dataset, addIssue, NEVER }) => {
    try {
      parseUdfPath(dataset.value);
      return dataset.value;
    } catch (error) {
      addIssue({ message: isProtocolError(error) ? error.message : String(error) });
      return NEVER;
    }
  }),
);

/**
 * Schema for the `args` of `Add`, `Mutation` and `Action`: an array holding exactly one JSON
 * object (the function's named arguments, still Convex-JSON encoded).
 *
 * @example
 * ```ts
 * v.parse(argsArraySchema, [{ body: 'hi' }]); // [{ body: 'hi' }]
 * ```
 */
export const argsArraySchema = v.custom<[JSONObject]>(
  (value) => Array.isArray(value) && value.length === 1 && isJsonObject(value[0]),
  'expected an array holding exactly one object',
);
