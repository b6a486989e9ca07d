/**
 * The request the host hands to `router.runRequest` (the JSON shape of the
 * `requestFromConvexJson` JS syscall is host-defined, compat spec §4.3).
 *
 * @example
 * ```ts
 * const request: HttpRequestJson = { url: 'https://site/hook', method: 'POST', headerPairs: [['content-type', 'text/plain']], body: 'aGk=' };
 * ```
 */
export interface HttpRequestJson {
  readonly url: string;
  readonly method: string;
  readonly headerPairs: readonly (readonly [string, string])[];
  /** Base64 of the body, or `null`. */
  readonly body: string | null;
}

/**
 * What an HTTP action execution returns to the host: the response, body included.
 *
 * @example
 * ```ts
 * const response: HttpResponseJson = { status: 200, statusText: '', headerPairs: [], body: null };
 * ```
 */
export interface HttpResponseJson {
  readonly status: number;
  readonly statusText: string;
  readonly headerPairs: readonly (readonly [string, string])[];
  /** Base64 of the body, or `null`. */
  readonly body: string | null;
}
