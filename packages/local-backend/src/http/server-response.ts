/** A response body: text, bytes, or a stream of byte chunks (for large downloads). */
export type ResponseBody = string | Uint8Array | AsyncIterable<Uint8Array> | null;

/**
 * What a route answers. Headers are pairs, not a map, because HTTP actions may set the same
 * header more than once (`Set-Cookie`).
 *
 * @example
 * const response: ServerResponse = { status: 200, headers: [['content-type', 'text/plain']], body: 'ok' };
 */
export interface ServerResponse {
  readonly status: number;
  readonly headers: readonly (readonly [string, string])[];
  readonly body: ResponseBody;
}

/**
 * A plain-text response.
 *
 * @example
 * textResponse(200, 'This deployment is running.');
 */
export function textResponse(status: number, text: string): ServerResponse {
  return { status, headers: [['content-type', 'text/plain; charset=utf-8']], body: text };
}

/**
 * A JSON response from already-serialized JSON text (callers often hold the text already).
 *
 * @example
 * jsonTextResponse(200, '{"ts":"AAAAAAAAAAA="}');
 */
export function jsonTextResponse(status: number, json: string): ServerResponse {
  return { status, headers: [['content-type', 'application/json']], body: json };
}

/**
 * A JSON response from a value.
 *
 * @example
 * jsonResponse(200, { success: true });
 */
export function jsonResponse(status: number, value: unknown): ServerResponse {
  return jsonTextResponse(status, JSON.stringify(value));
}

/** Adds headers to a response without mutating it. */
export function withHeaders(
  response: ServerResponse,
  headers: readonly (readonly [string, string])[],
): ServerResponse {
  return { ...response, headers: [...response.headers, ...headers] };
}
