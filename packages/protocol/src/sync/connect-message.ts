import * as v from 'valibot';
import { timestampWireSchema } from '../timestamp-wire.ts';
import { u32Schema } from './wire-primitives.ts';

/**
 * Schema for `Connect`, always the first client message of a connection (spec §3.2).
 * `maxObservedTimestamp` (u64b64 on the wire) is decoded into a `Timestamp`; a missing
 * `lastCloseReason` reads as `null`; `clientTs` (ms) is absent from old clients.
 *
 * @example
 * ```ts
 * parseClientMessage('{"type":"Connect","sessionId":"…","connectionCount":0,"lastCloseReason":"InitialConnect","clientTs":1724300000000}');
 * ```
 */
export const connectMessageSchema = v.object({
  type: v.literal('Connect'),
  sessionId: v.pipe(v.string(), v.uuid()),
  connectionCount: u32Schema,
  lastCloseReason: v.optional(v.nullable(v.string()), null),
  maxObservedTimestamp: v.optional(timestampWireSchema),
  clientTs: v.optional(v.number()),
});

/**
 * A `Connect` message.
 *
 * @example
 * ```ts
 * const connect: ConnectMessage = {
 *   type: 'Connect',
 *   sessionId: crypto.randomUUID(),
 *   connectionCount: 0,
 *   lastCloseReason: 'InitialConnect',
 *   clientTs: Date.now(),
 * };
 * ```
 */
export type ConnectMessage = v.InferOutput<typeof connectMessageSchema>;
