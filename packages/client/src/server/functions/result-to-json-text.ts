import { convexToJson, type Value } from '@selfhost/values';
import { QueryImpl } from '../query/query-impl.ts';
import { QueryInitializerImpl } from '../query/query-initializer-impl.ts';

/**
 * The JSON text the host receives for a handler's result: its Convex-JSON, with `undefined`
 * sent as `null`. Returning an unread query is a mistake and is reported as one.
 *
 * @example
 * ```ts
 * resultToJsonText(undefined); // 'null'
 * resultToJsonText({ n: 1n }); // '{"n":{"$integer":"AQAAAAAAAAA="}}'
 * ```
 */
export function resultToJsonText(result: unknown): string {
  if (result instanceof QueryInitializerImpl || result instanceof QueryImpl) {
    throw new Error(
      'Return value is a Query. Read its results first, with `.collect()`, `.take(n)`, `.unique()` or `.first()`.',
    );
  }
  return JSON.stringify(convexToJson((result === undefined ? null : result) as Value));
}
