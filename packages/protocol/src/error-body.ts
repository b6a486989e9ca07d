import * as v from 'valibot';
import { type ProtocolError } from './protocol-error.ts';

/**
 * Schema of the body of every non-2xx HTTP response: `{"code":"<ShortCode>","message":"<text>"}`
 * (spec §2.0). Extra fields (HTTP actions add `trace` and `data`) are accepted and dropped.
 * `code` is a string, not only our own codes: the client must read any server's errors.
 *
 * @example
 * ```ts
 * const body = parseHttpBody(errorBodySchema, await response.json(), 'error response');
 * console.error(`${response.status} ${body.code}: ${body.message}`);
 * ```
 */
export const errorBodySchema = v.object({
  code: v.string(),
  message: v.string(),
});

/**
 * A non-2xx HTTP response body.
 *
 * @example
 * ```ts
 * const body: ErrorBody = { code: 'BadDeployKey', message: 'The admin key is not valid for this deployment.' };
 * ```
 */
export type ErrorBody = v.InferOutput<typeof errorBodySchema>;

/**
 * The HTTP body for a {@link ProtocolError}.
 *
 * @example
 * ```ts
 * const error = new ProtocolError('MissingIdentifier', 'Path or function name not provided in path');
 * errorBodyOf(error); // { code: 'MissingIdentifier', message: 'Path or function name not provided in path' }
 * ```
 */
export function errorBodyOf(error: ProtocolError): ErrorBody {
  return { code: error.code, message: error.message };
}
