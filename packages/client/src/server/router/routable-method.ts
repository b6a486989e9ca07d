/**
 * The HTTP methods a route can be registered for. `HEAD` requests are routed as `GET`.
 *
 * @example
 * ```ts
 * ROUTABLE_HTTP_METHODS.includes('PATCH'); // true
 * ```
 */
export const ROUTABLE_HTTP_METHODS = Object.freeze([
  'GET',
  'POST',
  'PUT',
  'DELETE',
  'OPTIONS',
  'PATCH',
] as const);

/**
 * One of {@link ROUTABLE_HTTP_METHODS}.
 *
 * @example
 * ```ts
 * const method: RoutableMethod = 'POST';
 * ```
 */
export type RoutableMethod = (typeof ROUTABLE_HTTP_METHODS)[number];

/**
 * The method a request is routed by: `HEAD` is served by the `GET` route (the host drops the
 * body).
 *
 * @example
 * ```ts
 * normalizeMethod('HEAD'); // 'GET'
 * ```
 */
export function normalizeMethod(method: RoutableMethod | 'HEAD'): RoutableMethod {
  return method === 'HEAD' ? 'GET' : method;
}
