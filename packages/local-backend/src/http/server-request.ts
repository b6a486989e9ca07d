/**
 * An incoming HTTP request as routes see it, whichever transport received it (uWebSockets.js
 * or `node:http`). Deliberately small: routes never learn which transport runs them.
 *
 * @example
 * const text = new TextDecoder().decode(await request.body(1024));
 */
export interface ServerRequest {
  /** Upper-case method, e.g. `GET`. */
  readonly method: string;
  /** The path without the query string, not URL-decoded. */
  readonly path: string;
  /** The raw query string without the leading `?` (may be empty). */
  readonly query: string;
  /** A header value by lower-case name; repeated headers are joined with `, `. */
  header(name: string): string | undefined;
  /** Every header as `[lower-case name, value]` pairs, in arrival order. */
  headerPairs(): readonly (readonly [string, string])[];
  /**
   * The whole body. Rejects with a `BodyTooLargeError` once more than `limit` bytes arrive, so a
   * huge upload never sits in memory.
   */
  body(limit: number): Promise<Uint8Array>;
  /** The path the client asked for, when the server rewrote it (the site port prefixes `/http`). */
  readonly originalPath?: string | undefined;
  /** The peer's IP address, when the transport knows it. */
  readonly remoteAddress: string | undefined;
}

/** Thrown by {@link ServerRequest.body} when a body exceeds the route's limit. */
export class BodyTooLargeError extends Error {
  override readonly name = 'BodyTooLargeError';
  readonly limit: number;

  constructor(limit: number) {
    super(`The request body is larger than the limit of ${limit} bytes for this route.`);
    this.limit = limit;
  }
}
