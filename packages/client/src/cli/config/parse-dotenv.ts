/**
 * Parses the `.env` format the way `dotenv` (and so the official CLI) does: `KEY=value` lines,
 * an optional `export ` prefix, `#` comments (also after an unquoted value), values in single,
 * double or back quotes (which may span lines; `\n` and `\r` are expanded inside double quotes
 * only). Later lines win. Lines that are not assignments are ignored.
 *
 * @example
 * ```ts
 * parseDotenv('CONVEX_SELF_HOSTED_URL=http://127.0.0.1:3210 # local\n');
 * // { CONVEX_SELF_HOSTED_URL: 'http://127.0.0.1:3210' }
 * ```
 */
export function parseDotenv(text: string): Record<string, string> {
  const result: Record<string, string> = {};
  const source = text.replace(/\r\n?/g, '\n');
  const line =
    /^[ \t]*(?:export[ \t]+)?([\w.-]+)(?:[ \t]*=[ \t]*|:[ \t]+)('(?:\\'|[^'])*'|"(?:\\"|[^"])*"|`(?:\\`|[^`])*`|[^#\n]*)?[ \t]*(?:#.*)?$/gm;
  for (const match of source.matchAll(line)) {
    const key = match[1];
    if (key === undefined) continue;
    result[key] = unquote((match[2] ?? '').trim());
  }
  return result;
}

function unquote(raw: string): string {
  const quote = raw[0];
  if (raw.length >= 2 && (quote === '"' || quote === "'" || quote === '`') && raw.endsWith(quote)) {
    const inner = raw.slice(1, -1);
    return quote === '"' ? inner.replace(/\\n/g, '\n').replace(/\\r/g, '\r') : inner;
  }
  return raw;
}
