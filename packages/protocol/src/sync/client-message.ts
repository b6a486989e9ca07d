import * as v from 'valibot';
import { ProtocolError } from '../protocol-error.ts';
import { parseWithSchema } from '../parse-with-schema.ts';
import { encodeTimestamp } from '../timestamp-wire.ts';
import { actionMessageSchema } from './action-message.ts';
import { authenticateMessageSchema } from './authenticate-message.ts';
import { connectMessageSchema } from './connect-message.ts';
import { eventMessageSchema } from './event-message.ts';
import { messageLabel } from './message-label.ts';
import { modifyQuerySetMessageSchema } from './modify-query-set-message.ts';
import { mutationMessageSchema } from './mutation-message.ts';

/**
 * Schema for any client → server sync message (spec §3.2), told apart by `type`. Unknown
 * fields are accepted and dropped: newer clients may send more.
 *
 * @example
 * ```ts
 * const message = v.parse(clientMessageSchema, JSON.parse(text));
 * ```
 */
export const clientMessageSchema = v.variant('type', [
  connectMessageSchema,
  modifyQuerySetMessageSchema,
  mutationMessageSchema,
  actionMessageSchema,
  authenticateMessageSchema,
  eventMessageSchema,
]);

/**
 * Any client → server sync message, with timestamps decoded.
 *
 * @example
 * ```ts
 * function handle(message: ClientMessage) {
 *   switch (message.type) {
 *     case 'Connect': // …
 *   }
 * }
 * ```
 */
export type ClientMessage = v.InferOutput<typeof clientMessageSchema>;

const CLIENT_MESSAGE_TYPES: ReadonlySet<string> = new Set([
  'Connect',
  'ModifyQuerySet',
  'Mutation',
  'Action',
  'Authenticate',
  'Event',
]);

/**
 * Parses one WebSocket text frame from a client. Throws a `ProtocolError` with code
 * `WSMessageInvalidJson` (answer: `FatalError`, then close) when the text is not JSON or the
 * message is malformed; the message names the field, e.g.
 * `ModifyQuerySet.modifications[0].queryId: expected a number, received "x"`.
 *
 * @example
 * ```ts
 * const message = parseClientMessage(frame);
 * if (message.type === 'Connect') session.start(message.sessionId);
 * ```
 */
export function parseClientMessage(text: string): ClientMessage {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (cause) {
    throw new ProtocolError(
      'WSMessageInvalidJson',
      `Received invalid JSON on websocket: ${(cause as Error).message}`,
      {
        cause,
      },
    );
  }
  return parseWithSchema(clientMessageSchema, json, {
    code: 'WSMessageInvalidJson',
    label: messageLabel(json, {
      known: CLIENT_MESSAGE_TYPES,
      fallback: 'ClientMessage',
      code: 'WSMessageInvalidJson',
    }),
  });
}

/**
 * Serializes a client message for the WebSocket (timestamps become u64b64). Does not validate:
 * the types already say what may be sent.
 *
 * @example
 * ```ts
 * socket.send(encodeClientMessage({ type: 'Authenticate', tokenType: 'None', baseVersion: 0 }));
 * ```
 */
export function encodeClientMessage(message: ClientMessage): string {
  if (message.type === 'Connect' && message.maxObservedTimestamp !== undefined) {
    return JSON.stringify({
      ...message,
      maxObservedTimestamp: encodeTimestamp(message.maxObservedTimestamp),
    });
  }
  return JSON.stringify(message);
}
