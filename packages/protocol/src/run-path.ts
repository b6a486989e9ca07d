import { ProtocolError } from './protocol-error.ts';
import { parseUdfPath } from './udf-path.ts';

const PREFIX = '/api/run/';

/**
 * Maps the path of `POST /api/run/{seg1}/{…}/{fn}` to a function path: `a/b/fn` → `"a/b:fn"`.
 * Accepts the part after `/api/run/` (what a router captures) or the whole `/api/run/…` path.
 * Segments are URL-decoded one by one; fewer than two segments (or bad percent-encoding) throw a
 * `ProtocolError` with code `MissingIdentifier`; a path that is not a valid function path throws
 * `BadConvexFunctionIdentifier`. Only root-component functions are reachable this way.
 *
 * @example
 * ```ts
 * udfPathFromRunPath('messages/list'); // 'messages:list'
 * udfPathFromRunPath('/api/run/dir/sub%20x/fn'); // throws BadConvexFunctionIdentifier (space)
 * udfPathFromRunPath('list'); // throws MissingIdentifier
 * ```
 */
export function udfPathFromRunPath(path: string): string {
  const rest = path.startsWith(PREFIX) ? path.slice(PREFIX.length) : path;
  const segments: string[] = [];
  for (const segment of rest.split('/')) {
    try {
      segments.push(decodeURIComponent(segment));
    } catch (cause) {
      throw missingIdentifier(cause);
    }
  }
  const functionName = segments.pop();
  if (functionName === undefined || segments.length === 0) throw missingIdentifier();
  const udfPath = `${segments.join('/')}:${functionName}`;
  parseUdfPath(udfPath);
  return udfPath;
}

function missingIdentifier(cause?: unknown): ProtocolError {
  return new ProtocolError(
    'MissingIdentifier',
    'Path or function name not provided in path, e.g. /api/run/messages/list',
    {
      cause,
    },
  );
}
