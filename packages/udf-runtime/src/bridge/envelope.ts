import type { HostErrorPayload } from './host-callbacks.ts';

/**
 * Wraps a successful host result (JSON text) in the one-character envelope.
 *
 * @example
 * ```ts
 * okEnvelope('{"id":null}'); // '0{"id":null}'
 * ```
 */
export function okEnvelope(json: string): string {
  return '0' + json;
}

/**
 * Wraps a failure in the one-character envelope.
 *
 * @example
 * ```ts
 * errorEnvelope({ message: 'boom' }); // '1{"message":"boom"}'
 * ```
 */
export function errorEnvelope(error: HostErrorPayload): string {
  return '1' + JSON.stringify(error);
}

/**
 * Splits an envelope into its result JSON text or its error payload.
 *
 * @example
 * ```ts
 * decodeEnvelope('0true'); // { ok: true, json: 'true' }
 * ```
 */
export function decodeEnvelope(
  envelope: string,
): { readonly ok: true; readonly json: string } | { readonly ok: false; readonly error: HostErrorPayload } {
  if (envelope.startsWith('0')) return { ok: true, json: envelope.slice(1) };
  const parsed: unknown = JSON.parse(envelope.slice(1));
  const record = typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, unknown>) : {};
  const message = typeof record['message'] === 'string' ? record['message'] : 'Unknown host error';
  const error: { message: string; name?: string; data?: string } = { message };
  if (typeof record['name'] === 'string') error.name = record['name'];
  if (typeof record['data'] === 'string') error.data = record['data'];
  return { ok: false, error };
}
