import * as v from 'valibot';

/**
 * Schema for `Ping`: keeps the client's 60 s inactivity timer from firing.
 *
 * @example
 * ```ts
 * const ping: PingMessage = { type: 'Ping' };
 * ```
 */
export const pingMessageSchema = v.object({
  type: v.literal('Ping'),
});

/**
 * A `Ping` message.
 *
 * @example
 * ```ts
 * socket.send(encodeServerMessage({ type: 'Ping' }));
 * ```
 */
export type PingMessage = v.InferOutput<typeof pingMessageSchema>;
