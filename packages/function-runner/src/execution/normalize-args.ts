import type { JSONValue } from '@selfhost/values';

/**
 * Turns the arguments a client sent into the arguments object (compat spec §2.1): a
 * Convex-JSON object, or a one-element array holding it, as JSON text or parsed. Returns the
 * reason when they are not.
 *
 * @example
 * ```ts
 * normalizeArgs('[{"a":1}]'); // { ok: true, value: { a: 1 } }
 * ```
 * @internal
 */
export function normalizeArgs(args: string | JSONValue): { readonly ok: true; readonly value: { readonly [key: string]: JSONValue } } | { readonly ok: false; readonly reason: string } {
  let parsed: JSONValue;
  if (typeof args === 'string') {
    try {
      parsed = JSON.parse(args) as JSONValue;
    } catch {
      return { ok: false, reason: 'The arguments are not valid JSON' };
    }
  } else {
    parsed = args;
  }
  if (Array.isArray(parsed)) {
    if (parsed.length !== 1) return { ok: false, reason: `Expected one argument object, got ${parsed.length} arguments` };
    parsed = parsed[0] ?? null;
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return { ok: false, reason: 'The arguments must be an object' };
  return { ok: true, value: parsed };
}
