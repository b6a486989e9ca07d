import { ProtocolError } from './protocol-error.ts';
import { isVersionAtLeast, type ClientVersion } from './headers/client-version.ts';

/**
 * How values are written in HTTP function responses (the `format` field, spec §2.1):
 * - `convex_encoded_json`: Convex-JSON, lossless (`{"$integer": …}`); alias `convex_json`;
 * - `json`: clean JSON, lossy but readable (int64 as a decimal string); alias `convex_clean_json`;
 * - `export_json`: the snapshot-export form (newer reference backends accept it too).
 *
 * @example
 * ```ts
 * const format: ValueFormat = 'convex_encoded_json';
 * ```
 */
export type ValueFormat = 'convex_encoded_json' | 'json' | 'export_json';

const FORMATS: Readonly<Record<string, ValueFormat>> = {
  convex_encoded_json: 'convex_encoded_json',
  convex_json: 'convex_encoded_json',
  json: 'json',
  convex_clean_json: 'json',
  export_json: 'export_json',
};

/**
 * Reads a `format` name, resolving the legacy aliases. Throws a `ProtocolError` with code
 * `BadFormat` for anything else.
 *
 * @example
 * ```ts
 * parseValueFormat('convex_json'); // 'convex_encoded_json'
 * parseValueFormat('xml'); // throws BadFormat
 * ```
 */
export function parseValueFormat(name: string): ValueFormat {
  const format = Object.hasOwn(FORMATS, name) ? FORMATS[name] : undefined;
  if (format === undefined) {
    throw new ProtocolError(
      'BadFormat',
      `format param must be one of [\`json\`, \`convex_encoded_json\`]. Got ${name}`,
    );
  }
  return format;
}

/**
 * The format used when a request omits `format`: clean `json` for npm/npm-cli/actions ≥ 1.4.1,
 * Python ≥ 0.5.0 and every other or unknown client; `convex_encoded_json` for older npm and
 * Python clients. (`/api/run` ignores this rule: it always defaults to `json`.)
 *
 * @example
 * ```ts
 * defaultValueFormat({ client: 'npm', version: '1.3.0' }); // 'convex_encoded_json'
 * defaultValueFormat(undefined); // 'json'
 * ```
 */
export function defaultValueFormat(clientVersion: ClientVersion | undefined): ValueFormat {
  if (clientVersion === undefined) return 'json';
  switch (clientVersion.client) {
    case 'npm':
    case 'npm-cli':
    case 'actions':
      return isVersionAtLeast(clientVersion, '1.4.1') ? 'json' : 'convex_encoded_json';
    case 'python':
    case 'python-convex':
      return isVersionAtLeast(clientVersion, '0.5.0') ? 'json' : 'convex_encoded_json';
    default:
      return 'json';
  }
}

/**
 * The format to answer in: the request's `format` if given (validated), else the default for
 * the client.
 *
 * @example
 * ```ts
 * resolveValueFormat(body.format, clientVersion);
 * ```
 */
export function resolveValueFormat(
  name: string | undefined,
  clientVersion: ClientVersion | undefined,
): ValueFormat {
  return name === undefined ? defaultValueFormat(clientVersion) : parseValueFormat(name);
}
