import { inspect } from 'node:util';
import { Base64, convexToJson, type Value } from '@selfhost/values';

/**
 * A function's result as `run` prints it: readable for a terminal, JSON (Convex-JSON encoded, so
 * Int64 and bytes survive) for a pipe — like the official CLI.
 *
 * @example
 * ```ts
 * formatValue({ n: 1n }, false); // '{\n  "n": {\n    "$integer": "AQAAAAAAAAA="\n  }\n}'
 * ```
 */
export function formatValue(value: Value, forTerminal: boolean): string {
  if (forTerminal) return inspect(value, { colors: true, depth: null });
  return JSON.stringify(convexToJson(value), null, 2);
}

/**
 * One value in a `data` table cell: JSON-like, `12n` for Int64, `Bytes("…")` for bytes.
 *
 * @example
 * ```ts
 * formatCell({ tags: ['a'], n: 1n }); // '{ "tags": ["a"], "n": 1n }'
 * ```
 */
export function formatCell(value: Value | undefined): string {
  if (value === undefined) return '';
  if (value === null) return 'null';
  if (typeof value === 'bigint') return `${value.toString()}n`;
  if (typeof value === 'number' || typeof value === 'boolean') return value.toString();
  if (typeof value === 'string') return JSON.stringify(value);
  if (value instanceof ArrayBuffer)
    return `Bytes("${Base64.fromByteArray(new Uint8Array(value))}")`;
  if (value instanceof Array)
    return `[${(value as unknown[]).map((item) => formatCell(item as Value)).join(', ')}]`;
  const pairs = Object.entries(value as Record<string, Value | undefined>).map(
    ([key, field]) => `"${key}": ${formatCell(field)}`,
  );
  return `{ ${pairs.join(', ')} }`;
}
