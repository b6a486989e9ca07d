import { isProtocolError, parseConvexClientHeader, type ClientVersion, type ProtocolError } from '@selfhost/protocol';

/** Header values seen lately and what they parse to: clients send the same few on every request. */
const parsed = new Map<string, ClientVersion | ProtocolError>();
const maxEntries = 256;

/**
 * `parseConvexClientHeader`, remembered per header value (it runs on every request, twice for
 * function calls). Throws the same `InvalidClientVersion` protocol error for a bad value.
 *
 * @example
 * clientVersionOf('npm-1.48.0'); // { client: 'npm', version: '1.48.0' }
 */
export function clientVersionOf(header: string): ClientVersion {
  let result = parsed.get(header);
  if (result === undefined) {
    try {
      result = parseConvexClientHeader(header);
    } catch (error) {
      if (!isProtocolError(error)) throw error;
      result = error;
    }
    if (parsed.size >= maxEntries) parsed.clear();
    parsed.set(header, result);
  }
  if (isProtocolError(result)) throw result;
  return result;
}
