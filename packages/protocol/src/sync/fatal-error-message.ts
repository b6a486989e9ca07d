import * as v from 'valibot';

/**
 * Schema for `FatalError`: the client logs it and stops for good (no reconnect). Send it only
 * for client bugs that retrying cannot fix.
 *
 * @example
 * ```ts
 * const fatal: FatalErrorMessage = { type: 'FatalError', error: 'BaseVersionMismatch: …' };
 * ```
 */
export const fatalErrorMessageSchema = v.object({
  type: v.literal('FatalError'),
  error: v.string(),
});

/**
 * A `FatalError` message.
 *
 * @example
 * ```ts
 * socket.send(encodeServerMessage({ type: 'FatalError', error: error.message }));
 * ```
 */
export type FatalErrorMessage = v.InferOutput<typeof fatalErrorMessageSchema>;
