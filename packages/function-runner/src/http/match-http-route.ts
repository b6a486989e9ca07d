import type { AnalyzedHttpRoute } from '@selfhost/udf-runtime';

/**
 * Finds the route of a request the way the library's router does (compat spec §4.3): an
 * exact path first, then the longest `pathPrefix` route; HEAD is routed as GET.
 *
 * @example
 * ```ts
 * matchHttpRoute(routes, '/files/a.txt', 'GET'); // '/files/*'
 * ```
 */
export function matchHttpRoute(routes: readonly AnalyzedHttpRoute[], path: string, method: string): string | null {
  const wanted = method.toUpperCase() === 'HEAD' ? 'GET' : method.toUpperCase();
  const candidates = routes.filter((route) => route.route.method === wanted);
  if (candidates.some((route) => route.route.path === path)) return path;
  let best: string | null = null;
  for (const route of candidates) {
    if (!route.route.path.endsWith('*')) continue;
    const prefix = route.route.path.slice(0, -1);
    if (path.startsWith(prefix) && (best === null || prefix.length > best.length - 1)) best = route.route.path;
  }
  return best;
}
