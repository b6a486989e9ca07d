import type { ValueFormat } from '@selfhost/protocol';
import { jsonToConvex, stringifyValue, type JSONValue } from '@selfhost/values';

/**
 * Re-encodes a Convex-JSON text (what functions return) in the format the HTTP caller asked
 * for. `convex_encoded_json` passes the text through untouched.
 *
 * @example
 * formatValueText('{"$integer":"AQAAAAAAAAA="}', 'json'); // '"1"'
 */
export function formatValueText(convexJsonText: string, format: ValueFormat): string {
  if (format === 'convex_encoded_json') return convexJsonText;
  const value = jsonToConvex(JSON.parse(convexJsonText) as JSONValue);
  return stringifyValue(value, format === 'json' ? 'clean' : 'export');
}
