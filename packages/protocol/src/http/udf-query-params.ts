import { isJsonObject } from '../json-value.ts';
import { ProtocolError } from '../protocol-error.ts';
import { type UdfPostRequest } from './udf-request.ts';

/**
 * Reads `GET /api/query?path=…&args=<JSON>&format=…` into the same shape as a POST body.
 * Throws a `ProtocolError` with code `BadQueryArgs` when `path` is missing or `args` is not JSON
 * text of an object (or of a one-object array). Missing `args` means `{}`.
 *
 * @example
 * ```ts
 * udfRequestFromSearchParams(new URLSearchParams('path=messages:list&args={"n":1}'));
 * // { path: 'messages:list', args: { n: 1 } }
 * ```
 */
export function udfRequestFromSearchParams(params: URLSearchParams): UdfPostRequest {
  const path = params.get('path');
  if (path === null)
    throw new ProtocolError('BadQueryArgs', 'GET /api/query: missing query parameter "path"');
  const argsText = params.get('args');
  let args: unknown = {};
  if (argsText !== null) {
    try {
      args = JSON.parse(argsText);
    } catch (cause) {
      throw new ProtocolError(
        'BadQueryArgs',
        'GET /api/query: query parameter "args" is not JSON',
        { cause },
      );
    }
  }
  if (Array.isArray(args) && args.length === 1) args = args[0];
  if (!isJsonObject(args)) {
    throw new ProtocolError(
      'BadQueryArgs',
      'GET /api/query: query parameter "args" must be a JSON object',
    );
  }
  const format = params.get('format');
  return format === null ? { path, args } : { path, args, format };
}
