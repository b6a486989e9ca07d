// Server → client frames that carry host-encoded JSON (results, error data): spliced as text so
// a result is never parsed and re-serialized. Each equals `encodeServerMessage` of the same
// message (keys in schema order), plus `"ts":null` on failed mutations like the reference.
import { encodeServerMessage, encodeTimestamp, makeTimestamp } from '@selfhost/protocol';
import { type ActionOutcome, type MutationOutcome } from './sync-host.ts';

/**
 * The `MutationResponse` frame for an outcome.
 *
 * @example
 * ```ts
 * encodeMutationResponse(0, { ok: true, resultJson: 'null', ts: 5n, logLines: [] });
 * // '{"type":"MutationResponse","requestId":0,"success":true,"result":null,"ts":"BQAAAAAAAAA=","logLines":[]}'
 * ```
 */
export function encodeMutationResponse(requestId: number, outcome: MutationOutcome): string {
  const logLines = JSON.stringify(outcome.logLines);
  if (outcome.ok) {
    const ts = encodeTimestamp(makeTimestamp(outcome.ts));
    return `{"type":"MutationResponse","requestId":${requestId},"success":true,"result":${outcome.resultJson},"ts":"${ts}","logLines":${logLines}}`;
  }
  return (
    `{"type":"MutationResponse","requestId":${requestId},"success":false,"result":${JSON.stringify(outcome.errorMessage)},"ts":null,"logLines":${logLines}` +
    errorDataPart(outcome.errorDataJson)
  );
}

/**
 * The `ActionResponse` frame for an outcome.
 *
 * @example
 * ```ts
 * encodeActionResponse(1, { ok: false, errorMessage: 'boom', logLines: [] });
 * ```
 */
export function encodeActionResponse(requestId: number, outcome: ActionOutcome): string {
  const logLines = JSON.stringify(outcome.logLines);
  if (outcome.ok) {
    return `{"type":"ActionResponse","requestId":${requestId},"success":true,"result":${outcome.resultJson},"logLines":${logLines}}`;
  }
  return (
    `{"type":"ActionResponse","requestId":${requestId},"success":false,"result":${JSON.stringify(outcome.errorMessage)},"logLines":${logLines}` +
    errorDataPart(outcome.errorDataJson)
  );
}

/**
 * The `Ping` frame.
 *
 * @example
 * ```ts
 * socket.send(PING_FRAME);
 * ```
 */
export const PING_FRAME = encodeServerMessage({ type: 'Ping' });

function errorDataPart(errorDataJson: string | undefined): string {
  return errorDataJson === undefined ? '}' : `,"errorData":${errorDataJson}}`;
}
