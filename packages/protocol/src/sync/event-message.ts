import * as v from 'valibot';
import { jsonValueSchema } from '../json-value.ts';

/**
 * Schema for `Event`: client telemetry (`ClientConnect`, `ClientReceivedTransition`, …) that the
 * server may ignore.
 *
 * @example
 * ```ts
 * parseClientMessage('{"type":"Event","eventType":"ClientConnect","event":{"marks":[]}}');
 * ```
 */
export const eventMessageSchema = v.object({
  type: v.literal('Event'),
  eventType: v.string(),
  // Telemetry must never kill a connection, so the payload may be missing.
  event: v.optional(jsonValueSchema),
});

/**
 * An `Event` message.
 *
 * @example
 * ```ts
 * const message: EventMessage = { type: 'Event', eventType: 'ClientConnect', event: { marks: [] } };
 * ```
 */
export type EventMessage = v.InferOutput<typeof eventMessageSchema>;
