import * as v from 'valibot';
import { ProtocolError } from '../protocol-error.ts';
import { parseWithSchema } from '../parse-with-schema.ts';
import { encodeTimestamp } from '../timestamp-wire.ts';
import { actionResponseMessageSchema } from './action-response-message.ts';
import { authErrorMessageSchema } from './auth-error-message.ts';
import { fatalErrorMessageSchema } from './fatal-error-message.ts';
import { messageLabel } from './message-label.ts';
import { mutationResponseMessageSchema } from './mutation-response-message.ts';
import { pingMessageSchema } from './ping-message.ts';
import { type StateVersion } from './state-version.ts';
import { transitionChunkMessageSchema } from './transition-chunk-message.ts';
import { transitionMessageSchema } from './transition-message.ts';

/**
 * Schema for any server → client sync message (spec §3.3), told apart by `type`. Unknown fields
 * are accepted and dropped.
 *
 * @example
 * ```ts
 * const message = v.parse(serverMessageSchema, JSON.parse(frame));
 * ```
 */
export const serverMessageSchema = v.variant('type', [
  transitionMessageSchema,
  transitionChunkMessageSchema,
  mutationResponseMessageSchema,
  actionResponseMessageSchema,
  authErrorMessageSchema,
  fatalErrorMessageSchema,
  pingMessageSchema,
]);

/**
 * Any server → client sync message, with timestamps decoded.
 *
 * @example
 * ```ts
 * function onMessage(message: ServerMessage) {
 *   if (message.type === 'Ping') return;
 * }
 * ```
 */
export type ServerMessage = v.InferOutput<typeof serverMessageSchema>;

const SERVER_MESSAGE_TYPES: ReadonlySet<string> = new Set([
  'Transition',
  'TransitionChunk',
  'MutationResponse',
  'ActionResponse',
  'AuthError',
  'FatalError',
  'Ping',
]);

/**
 * Parses one WebSocket text frame from the server. Throws a `ProtocolError` with code
 * `InvalidServerMessage` naming the field when the text is not JSON or not a known message.
 *
 * @example
 * ```ts
 * socket.onmessage = (event) => handle(parseServerMessage(String(event.data)));
 * ```
 */
export function parseServerMessage(text: string): ServerMessage {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (cause) {
    throw new ProtocolError(
      'InvalidServerMessage',
      `Received invalid JSON from the server: ${(cause as Error).message}`,
      {
        cause,
      },
    );
  }
  return parseWithSchema(serverMessageSchema, json, {
    code: 'InvalidServerMessage',
    label: messageLabel(json, {
      known: SERVER_MESSAGE_TYPES,
      fallback: 'ServerMessage',
      code: 'InvalidServerMessage',
    }),
  });
}

/**
 * Serializes a server message for the WebSocket: timestamps become u64b64, everything else is
 * written as is. No validation (this is the hot path of every Transition); the wire shape
 * matches the reference backend's, including `"ts": null` on failed mutations.
 *
 * @example
 * ```ts
 * socket.send(encodeServerMessage({ type: 'MutationResponse', requestId: 0, success: true, result: null, ts, logLines: [] }));
 * ```
 */
export function encodeServerMessage(message: ServerMessage): string {
  switch (message.type) {
    case 'Transition':
      return JSON.stringify({
        type: 'Transition',
        startVersion: encodeStateVersion(message.startVersion),
        endVersion: encodeStateVersion(message.endVersion),
        modifications: message.modifications,
        clientClockSkew: message.clientClockSkew,
        serverTs: message.serverTs,
      });
    case 'MutationResponse':
      return message.success
        ? JSON.stringify({
            type: 'MutationResponse',
            requestId: message.requestId,
            success: true,
            result: message.result,
            ts: encodeTimestamp(message.ts),
            logLines: message.logLines,
          })
        : JSON.stringify({
            type: 'MutationResponse',
            requestId: message.requestId,
            success: false,
            result: message.result,
            ts: null,
            logLines: message.logLines,
            errorData: message.errorData,
          });
    case 'TransitionChunk':
    case 'ActionResponse':
    case 'AuthError':
    case 'FatalError':
    case 'Ping':
      return JSON.stringify(message);
  }
}

function encodeStateVersion(version: StateVersion): {
  querySet: number;
  identity: number;
  ts: string;
} {
  return {
    querySet: version.querySet,
    identity: version.identity,
    ts: encodeTimestamp(version.ts),
  };
}
