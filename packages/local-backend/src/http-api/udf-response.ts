import { formatLogLine } from '@selfhost/function-runner';
import type { ValueFormat } from '@selfhost/protocol';
import type { ExecutionOutcome } from '../execution/execution-outcome.ts';
import { jsonTextResponse, type ServerResponse } from '../http/server-response.ts';
import { formatValueText } from './format-value.ts';

/** What the error message of a failed function looks like to clients. */
export interface ErrorPresentation {
  readonly requestId: string;
  /** `--redact-logs-to-client`: no error details and no log lines go to clients. */
  readonly redact: boolean;
}

/**
 * The JSON text of a `UdfResponse` (compat §2.1): status, value or error message (with the
 * request id) and `errorData`, and log lines as `[LEVEL] …` strings — omitted when empty.
 *
 * @example
 * udfResponseText(outcome, 'json', { requestId: 'abc', redact: false });
 */
export function udfResponseText(outcome: ExecutionOutcome, format: ValueFormat, presentation: ErrorPresentation): string {
  const logLines = presentation.redact ? [] : outcome.logLines.map(formatLogLine);
  const logPart = logLines.length === 0 ? '' : `,"logLines":${JSON.stringify(logLines)}`;
  if (outcome.status === 'success') return `{"status":"success","value":${formatValueText(outcome.valueJson, format)}${logPart}}`;
  const dataPart = outcome.errorDataJson === undefined ? '' : `,"errorData":${formatValueText(outcome.errorDataJson, format)}`;
  return `{"status":"error","errorMessage":${JSON.stringify(clientErrorMessage(outcome.errorMessage, presentation))}${dataPart}${logPart}}`;
}

/** `[Request ID: …] Server Error` followed by the error, unless redacted (compat §5.2). */
export function clientErrorMessage(errorMessage: string, presentation: ErrorPresentation): string {
  const head = `[Request ID: ${presentation.requestId}] Server Error`;
  return presentation.redact ? head : `${head}\n${errorMessage}`;
}

/** A 200 response carrying a `UdfResponse` (function errors are not HTTP errors). */
export function udfResponse(outcome: ExecutionOutcome, format: ValueFormat, presentation: ErrorPresentation): ServerResponse {
  return jsonTextResponse(200, udfResponseText(outcome, format, presentation));
}
