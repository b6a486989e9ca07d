import { ConvexError, jsonToConvex, type JSONValue, type Value } from '@selfhost/values';
import type { FunctionKind } from '../logging/function-kind.ts';
import { logFunctionLines } from '../logging/log-function-lines.ts';
import type { Logger } from '../logging/logger.ts';

// Legacy status of older backends: a UdfResponse describing a function error.
const STATUS_UDF_FAILED = 560;

/**
 * Turns the HTTP answer of `/api/query|mutation|action|function` (spec §2.1) into the function's
 * value: non-2xx (other than legacy 560) throws the body text; a UdfResponse prints its log
 * lines (when `logLines` is on) and either returns the decoded value or throws the error — a
 * `ConvexError` with `data` when the function threw one.
 *
 * @example
 * ```ts
 * const value = await readUdfResponse(response, { kind: 'query', udfPath: 'messages:list', logger, logLines: true });
 * ```
 */
export async function readUdfResponse(
  response: Response,
  context: {
    readonly kind: FunctionKind;
    readonly udfPath: string;
    readonly logger: Logger;
    readonly logLines: boolean;
  },
): Promise<Value> {
  if (!response.ok && response.status !== STATUS_UDF_FAILED) throw new Error(await response.text());
  const body = (await response.json()) as {
    status?: unknown;
    value?: JSONValue;
    errorMessage?: string;
    errorData?: JSONValue;
    logLines?: string[];
  };
  if (context.logLines) logFunctionLines(context.logger, context, body.logLines ?? []);
  switch (body.status) {
    case 'success':
      return jsonToConvex(body.value ?? null);
    case 'error': {
      if (body.errorData === undefined) throw new Error(body.errorMessage);
      const error = new ConvexError<Value>(body.errorMessage ?? '');
      error.data = jsonToConvex(body.errorData);
      throw error;
    }
    default:
      throw new Error(`Invalid response: ${JSON.stringify(body)}`);
  }
}
