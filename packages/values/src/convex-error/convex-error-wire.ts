import { ValuesError } from '../errors/values-error.ts';
import { convexToJson } from '../json/convex-to-json.ts';
import { jsonToConvex } from '../json/json-to-convex.ts';
import type { JSONValue, Value } from '../value/value.ts';
import { ConvexError } from './convex-error.ts';

/**
 * The Convex-JSON text of a `ConvexError`'s data: what the runtime hands to the host for an error
 * thrown by user code.
 *
 * @throws {ValuesError} code `InvalidValue` if `data` is not a Convex value.
 * @example
 * ```ts
 * convexErrorDataToText(new ConvexError({ n: 1n }).data); // '{"n":{"$integer":"AQAAAAAAAAA="}}'
 * ```
 */
export function convexErrorDataToText(data: Value): string {
  return JSON.stringify(convexToJson(data));
}

/**
 * Parses the Convex-JSON text of a `ConvexError`'s data (see {@link convexErrorDataToText}).
 *
 * @throws {ValuesError} code `InvalidConvexErrorData`, with the message
 *   `ConvexError with invalid data: …` that the function's failure should then carry.
 * @example
 * ```ts
 * parseConvexErrorData('{"code":"NOT_FOUND"}'); // { code: 'NOT_FOUND' }
 * ```
 */
export function parseConvexErrorData(text: string): Value {
  try {
    return jsonToConvex(JSON.parse(text) as JSONValue);
  } catch (cause) {
    const reason = cause instanceof Error ? cause.message : String(cause);
    throw new ValuesError('InvalidConvexErrorData', `ConvexError with invalid data: ${reason}`, {
      cause,
    });
  }
}

/**
 * What a failed request carries about a `ConvexError`: the error message and `errorData`, the
 * Convex-JSON of its data.
 *
 * @example
 * ```ts
 * const wire: ConvexErrorWire = { message: 'nope', errorData: { code: 'NOPE' } };
 * ```
 */
export interface ConvexErrorWire {
  readonly message: string;
  readonly errorData: JSONValue;
}

/**
 * The wire form of a `ConvexError` (see {@link ConvexErrorWire}).
 *
 * @example
 * ```ts
 * convexErrorToWire(new ConvexError('nope')); // { message: 'nope', errorData: 'nope' }
 * ```
 */
export function convexErrorToWire(error: {
  readonly message: string;
  readonly data: Value;
}): ConvexErrorWire {
  return { message: error.message, errorData: convexToJson(error.data) };
}

/**
 * Rebuilds a `ConvexError` from its wire form, as clients do: the message is the one received
 * (e.g. with the request id and function name in front) and `data` is decoded from `errorData`.
 *
 * @throws {ValuesError} code `InvalidJson` if `errorData` is not valid Convex-JSON.
 * @example
 * ```ts
 * const error = convexErrorFromWire({ message: '[Request ID: 1] Server Error', errorData: { code: 'NOPE' } });
 * error.data; // { code: 'NOPE' }
 * ```
 */
export function convexErrorFromWire(wire: ConvexErrorWire): ConvexError<Value> {
  const error = new ConvexError<Value>(wire.message);
  error.data = jsonToConvex(wire.errorData);
  return error;
}
