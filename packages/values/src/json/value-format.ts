import { ValuesError } from '../errors/values-error.ts';
import type { Value } from '../value/value.ts';
import { convexToCleanJson } from './convex-to-clean-json.ts';
import { convexToExportJsonText } from './convex-to-export-json-text.ts';
import { convexToJson } from './convex-to-json.ts';

/**
 * The value formats, by canonical name: `encoded` (Convex-JSON, lossless; what clients use),
 * `clean` (readable, lossy) and `export` (snapshot export lines).
 *
 * @example
 * ```ts
 * const format: ValueFormat = 'encoded';
 * ```
 */
export type ValueFormat = 'encoded' | 'clean' | 'export';

/**
 * The accepted `format` names (HTTP `format` parameter and export options) and the format each
 * one selects.
 *
 * @example
 * ```ts
 * VALUE_FORMAT_NAMES.convex_json; // 'encoded'
 * ```
 */
export const VALUE_FORMAT_NAMES: Readonly<Record<string, ValueFormat>> = Object.freeze({
  convex_encoded_json: 'encoded',
  convex_json: 'encoded',
  json: 'clean',
  convex_clean_json: 'clean',
  export_json: 'export',
});

/**
 * The format a `format` name selects (see {@link VALUE_FORMAT_NAMES}).
 *
 * @throws {ValuesError} code `BadFormat` for an unknown name (answer HTTP 400 `{"code":"BadFormat"}`).
 * @example
 * ```ts
 * parseValueFormat('convex_clean_json'); // 'clean'
 * parseValueFormat('xml'); // throws
 * ```
 */
export function parseValueFormat(name: string): ValueFormat {
  const format = Object.hasOwn(VALUE_FORMAT_NAMES, name) ? VALUE_FORMAT_NAMES[name] : undefined;
  if (format === undefined) {
    throw new ValuesError(
      'BadFormat',
      `format param must be one of ${Object.keys(VALUE_FORMAT_NAMES)
        .map((known) => `\`${known}\``)
        .join(', ')}. Got ${JSON.stringify(name)}`,
    );
  }
  return format;
}

/**
 * Writes a Convex value as JSON text in the given format.
 *
 * @throws {ValuesError} code `InvalidValue` for anything that is not a Convex value.
 * @example
 * ```ts
 * stringifyValue(5n, 'encoded'); // '{"$integer":"BQAAAAAAAAA="}'
 * stringifyValue(5n, 'clean'); // '"5"'
 * stringifyValue(5n, 'export'); // '5'
 * ```
 */
export function stringifyValue(value: Value, format: ValueFormat): string {
  switch (format) {
    case 'encoded':
      return JSON.stringify(convexToJson(value));
    case 'clean':
      return JSON.stringify(convexToCleanJson(value));
    case 'export':
      return convexToExportJsonText(value);
    default:
      return unreachable(format);
  }
}

function unreachable(value: never): never {
  throw new Error(`unreachable: ${String(value)}`);
}
