/**
 * How actions may use the network through `fetch` (the operator decides).
 *
 * @example
 * ```ts
 * const policy: FetchPolicy = { allow: (url) => url.hostname.endsWith('.example.com'), maxResponseBytes: 8 * 1024 * 1024 };
 * ```
 */
export interface FetchPolicy {
  /** Whether a request to this URL may be made. Default: any `http:`/`https:` URL. */
  readonly allow?: (url: URL) => boolean | Promise<boolean>;
  /** Largest response body read into the isolate. Default 32 MiB. */
  readonly maxResponseBytes?: number;
  /** Largest request body. Default 32 MiB. */
  readonly maxRequestBytes?: number;
}

/**
 * The default: http and https anywhere, 32 MiB bodies.
 *
 * @example
 * ```ts
 * new FunctionRunner({ fetchPolicy: DEFAULT_FETCH_POLICY });
 * ```
 */
export const DEFAULT_FETCH_POLICY: Required<FetchPolicy> = Object.freeze({
  allow: (url: URL) => url.protocol === 'http:' || url.protocol === 'https:',
  maxResponseBytes: 32 * 1024 * 1024,
  maxRequestBytes: 32 * 1024 * 1024,
});
